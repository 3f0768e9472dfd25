from . import ir_actions_server
from . import res_config_settings
