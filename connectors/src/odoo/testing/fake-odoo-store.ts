import { compileDomain, compileOrder } from './fake-odoo-domain.ts';
import { FakeOdooException, typeError, userError, valueError } from './fake-odoo-errors.ts';

// The in-memory database behind the fake Odoo: the records of the models Pressline
// touches, and the ORM methods it calls on them, behaving as Odoo 17's do.

type Row = { id: number } & Record<string, unknown>;

type FieldSpec =
  | { type: 'char' | 'text' | 'html' | 'selection' | 'datetime' | 'integer' | 'float' | 'boolean' }
  | { type: 'many2one'; relation: string }
  | { type: 'one2many'; relation: string; inverse: string }
  | { type: 'computed'; compute: (row: Row, store: FakeOdooStore) => unknown };

/** What a method returning records answers: XML-RPC on 17 gets the id, JSON-2 the id list. */
export class RecordsResult {
  constructor(readonly ids: number[]) {}
}

export interface FakeOdooPartnerSeed {
  name: string;
  email?: string | null;
  /** The company the contact belongs to: a company partner, its `parent_id`. */
  company?: string;
  street?: string;
  street2?: string;
  city?: string;
  /** A res.country.state of the partner's country. */
  state?: { name: string; code: string };
  zip?: string;
  /** A res.country by its ISO code, e.g. { code: 'US', name: 'United States' }. */
  country?: { code: string; name: string };
  phone?: string;
}

export interface FakeOdooLineSeed {
  /** The product's name; products are shared between orders by name and code. */
  product?: string;
  defaultCode?: string | null;
  productType?: 'consu' | 'service';
  /** The line's description (`name`); defaults to the product's display name. */
  description?: string;
  quantity?: number;
  priceUnit?: number;
  displayType?: 'line_section' | 'line_note';
  isDownpayment?: boolean;
}

export interface FakeOdooOrderSeed {
  name?: string;
  state?: 'draft' | 'sent' | 'sale' | 'cancel';
  partner?: FakeOdooPartnerSeed;
  /** The delivery contact (`partner_shipping_id`); defaults to the customer, as in Odoo. */
  shipping?: FakeOdooPartnerSeed;
  /** The delivery method's name (a delivery.carrier); only where `delivery` is installed. */
  carrier?: string;
  currency?: string;
  clientOrderRef?: string;
  /** Odoo's UTC "YYYY-MM-DD HH:MM:SS"; defaults to now. */
  dateOrder?: string;
  amountTotal?: number;
  lines: FakeOdooLineSeed[];
}

const SUBTYPES: Record<string, [number, string]> = { 'mail.mt_comment': [1, 'Discussions'], 'mail.mt_note': [2, 'Note'] };

/** Parameters of the ORM methods the fake knows, for binding positional XML-RPC arguments. */
const METHODS: Record<string, { records: boolean; params: string[] }> = {
  read: { records: true, params: ['fields', 'load'] },
  write: { records: true, params: ['vals'] },
  copy: { records: true, params: ['default'] },
  message_post: { records: true, params: [] },
  button_validate: { records: true, params: [] },
  search_read: { records: false, params: ['domain', 'fields', 'offset', 'limit', 'order'] },
  search: { records: false, params: ['domain', 'offset', 'limit', 'order'] },
  search_count: { records: false, params: ['domain', 'limit'] },
  fields_get: { records: false, params: ['allfields', 'attributes'] },
};

const MESSAGE_POST_PARAMS = new Set(['body', 'subject', 'message_type', 'subtype_xmlid', 'partner_ids', 'body_is_html']);

export class FakeOdooStore {
  readonly uid = 2;
  private readonly tables = new Map<string, Map<number, Row>>();
  private readonly sequences = new Map<string, number>();
  private readonly fields: Record<string, Record<string, FieldSpec>>;

  constructor(
    private readonly clock: () => number,
    readonly options: { stockDelivery: boolean; delivery: boolean },
  ) {
    const write_date: FieldSpec = { type: 'datetime' };
    this.fields = {
      'res.currency': { name: { type: 'char' } },
      'res.country': { name: { type: 'char' }, code: { type: 'char' } },
      'res.country.state': { name: { type: 'char' }, code: { type: 'char' }, country_id: { type: 'many2one', relation: 'res.country' } },
      'res.partner': {
        name: { type: 'char' },
        email: { type: 'char' },
        is_company: { type: 'boolean' },
        parent_id: { type: 'many2one', relation: 'res.partner' },
        // 17/18: the commercial partner's name when it is a company, else company_name (not seeded).
        commercial_company_name: { type: 'computed', compute: (row, store) => store.commercialCompanyName(row) },
        street: { type: 'char' },
        street2: { type: 'char' },
        city: { type: 'char' },
        state_id: { type: 'many2one', relation: 'res.country.state' },
        zip: { type: 'char' },
        country_id: { type: 'many2one', relation: 'res.country' },
        country_code: { type: 'computed', compute: (row, store) => (typeof row['country_id'] === 'number' ? store.row('res.country', row['country_id'])['code'] : false) },
        phone: { type: 'char' },
        write_date,
      },
      'delivery.carrier': { name: { type: 'char' } },
      'product.template': { name: { type: 'char' } },
      'product.product': {
        name: { type: 'char' },
        default_code: { type: 'char' },
        type: { type: 'selection' },
        product_tmpl_id: { type: 'many2one', relation: 'product.template' },
      },
      'sale.order': {
        name: { type: 'char' },
        state: { type: 'selection' },
        locked: { type: 'boolean' },
        partner_id: { type: 'many2one', relation: 'res.partner' },
        partner_shipping_id: { type: 'many2one', relation: 'res.partner' },
        ...(options.delivery ? { carrier_id: { type: 'many2one', relation: 'delivery.carrier' } as FieldSpec } : {}),
        client_order_ref: { type: 'char' },
        origin: { type: 'char' },
        date_order: { type: 'datetime' },
        create_date: { type: 'datetime' },
        write_date,
        currency_id: { type: 'many2one', relation: 'res.currency' },
        amount_total: { type: 'float' },
        order_line: { type: 'one2many', relation: 'sale.order.line', inverse: 'order_id' },
        picking_ids: { type: 'one2many', relation: 'stock.picking', inverse: 'sale_id' },
      },
      'sale.order.line': {
        order_id: { type: 'many2one', relation: 'sale.order' },
        sequence: { type: 'integer' },
        display_type: { type: 'selection' },
        is_downpayment: { type: 'boolean' },
        product_id: { type: 'many2one', relation: 'product.product' },
        product_template_id: { type: 'computed', compute: (row, store) => store.many2oneOf('product.template', store.productTemplateOf(row['product_id'])) },
        product_type: { type: 'computed', compute: (row, store) => (row['product_id'] === false ? false : store.row('product.product', row['product_id'] as number)['type']) },
        name: { type: 'text' },
        product_uom_qty: { type: 'float' },
        price_unit: { type: 'float' },
        qty_delivered: { type: 'float' },
        write_date,
      },
      'stock.picking': {
        name: { type: 'char' },
        origin: { type: 'char' },
        sale_id: { type: 'many2one', relation: 'sale.order' },
        picking_type_code: { type: 'selection' },
        state: { type: 'selection' },
        backorder_id: { type: 'many2one', relation: 'stock.picking' },
        move_ids: { type: 'one2many', relation: 'stock.move', inverse: 'picking_id' },
        write_date,
        ...(options.stockDelivery ? { carrier_tracking_ref: { type: 'char' } as FieldSpec } : {}),
      },
      'stock.move': {
        picking_id: { type: 'many2one', relation: 'stock.picking' },
        sale_line_id: { type: 'many2one', relation: 'sale.order.line' },
        product_id: { type: 'many2one', relation: 'product.product' },
        product_uom_qty: { type: 'float' },
        quantity: { type: 'float' },
        picked: { type: 'boolean' },
        state: { type: 'selection' },
      },
      'mail.message': {
        model: { type: 'char' },
        res_id: { type: 'integer' },
        body: { type: 'html' },
        message_type: { type: 'selection' },
        subtype_id: { type: 'computed', compute: (row) => SUBTYPES[String(row['subtype_xmlid'])] ?? false },
        date: { type: 'datetime' },
      },
    };
    for (const model of Object.keys(this.fields)) this.tables.set(model, new Map());
  }

  // ---- seeding (what a merchant or a storefront would do in Odoo) ----

  now(): string {
    return new Date(this.clock()).toISOString().slice(0, 19).replace('T', ' ');
  }

  /** A contact as the seed describes it; an identical one is reused. */
  seedPartner(seed: FakeOdooPartnerSeed): Row {
    const country = seed.country ? this.findOrInsert('res.country', { code: seed.country.code, name: seed.country.name }) : null;
    const state = seed.state ? this.findOrInsert('res.country.state', { name: seed.state.name, code: seed.state.code, country_id: country?.id ?? false }) : null;
    const company = seed.company ? this.findOrInsert('res.partner', { name: seed.company, is_company: true, parent_id: false }, { write_date: this.now() }) : null;
    return this.findOrInsert('res.partner', {
      name: seed.name,
      email: seed.email ?? false,
      is_company: false,
      parent_id: company?.id ?? false,
      street: seed.street ?? false,
      street2: seed.street2 ?? false,
      city: seed.city ?? false,
      state_id: state?.id ?? false,
      zip: seed.zip ?? false,
      country_id: country?.id ?? false,
      phone: seed.phone ?? false,
    }, { write_date: this.now() });
  }

  seedOrder(seed: FakeOdooOrderSeed): Row {
    const now = this.now();
    const partner = this.seedPartner(seed.partner ?? { name: 'Deco Addict', email: 'deco.addict82@example.com' });
    const shipping = seed.shipping ? this.seedPartner(seed.shipping) : partner;
    if (seed.carrier !== undefined && !this.options.delivery) throw new Error('the fake Odoo has no delivery module: an order cannot have a carrier');
    const carrier = seed.carrier === undefined ? null : this.findOrInsert('delivery.carrier', { name: seed.carrier });
    const currencyName = seed.currency ?? 'USD';
    const currency = [...this.table('res.currency').values()].find((row) => row['name'] === currencyName) ?? this.insert('res.currency', { name: currencyName });
    const number = this.next('sale.order.name');
    const order = this.insert('sale.order', {
      name: seed.name ?? `S${String(number).padStart(5, '0')}`,
      state: 'draft',
      locked: false,
      partner_id: partner.id,
      partner_shipping_id: shipping.id,
      ...(this.options.delivery ? { carrier_id: carrier?.id ?? false } : {}),
      client_order_ref: seed.clientOrderRef ?? false,
      origin: false,
      date_order: seed.dateOrder ?? now,
      create_date: now,
      write_date: now,
      currency_id: currency.id,
      amount_total: 0,
    });
    seed.lines.forEach((line, index) => this.insertLine(order, line, (index + 1) * 10));
    order['amount_total'] = seed.amountTotal ?? this.computedTotal(order.id);
    if (seed.state === 'sale') this.confirmOrder(order.id);
    else if (seed.state === 'cancel') this.cancelOrder(order.id);
    else if (seed.state) order['state'] = seed.state;
    return order;
  }

  /** `action_confirm`: the order becomes a sales order and its goods get a delivery. */
  confirmOrder(orderId: number): void {
    const order = this.row('sale.order', orderId);
    if (order['state'] === 'sale') return;
    const now = this.now();
    Object.assign(order, { state: 'sale', date_order: now, write_date: now });
    const goods = this.linesOf(orderId).filter((line) => line['display_type'] === false && line['is_downpayment'] !== true && this.isGoods(line));
    if (goods.length === 0) return;
    const picking = this.insertPicking(order, false);
    for (const line of goods) {
      const demand = line['product_uom_qty'] as number;
      this.insert('stock.move', { picking_id: picking.id, sale_line_id: line.id, product_id: line['product_id'], product_uom_qty: demand, quantity: demand, picked: false, state: 'assigned' });
    }
  }

  cancelOrder(orderId: number): void {
    const order = this.row('sale.order', orderId);
    const now = this.now();
    Object.assign(order, { state: 'cancel', write_date: now });
    for (const picking of this.pickingsOf(orderId)) {
      if (picking['state'] === 'done') continue;
      Object.assign(picking, { state: 'cancel', write_date: now });
      for (const move of this.movesOf(picking.id)) move['state'] = 'cancel';
    }
  }

  touch(model: string, id: number, writeDate?: string): void {
    this.row(model, id)['write_date'] = writeDate ?? this.now();
  }

  // ---- inspection ----

  row(model: string, id: number): Row {
    const row = this.table(model).get(id);
    if (!row) throw missing(model, [id]);
    return row;
  }

  rows(model: string): Row[] {
    return [...this.table(model).values()];
  }

  linesOf(orderId: number): Row[] {
    return this.sorted('sale.order.line', (row) => row['order_id'] === orderId, 'sequence asc, id asc');
  }

  pickingsOf(orderId: number): Row[] {
    return this.sorted('stock.picking', (row) => row['sale_id'] === orderId, 'id asc');
  }

  movesOf(pickingId: number): Row[] {
    return this.sorted('stock.move', (row) => row['picking_id'] === pickingId, 'id asc');
  }

  messagesOf(model: string, resId: number): Row[] {
    return this.sorted('mail.message', (row) => row['model'] === model && row['res_id'] === resId, 'id asc');
  }

  // ---- the ORM, as execute_kw / JSON-2 reach it ----

  /** Binds XML-RPC's positional arguments to names, as Python's call would. */
  bind(model: string, method: string, args: unknown[], kwargs: Record<string, unknown>): { ids: number[] | null; kwargs: Record<string, unknown> } {
    const signature = this.signature(model, method);
    const rest = [...args];
    let ids: number[] | null = null;
    if (signature.records) {
      const first = rest.shift();
      ids = toIds(first);
    }
    if (rest.length > signature.params.length) throw typeError(`${method}() takes ${signature.params.length + 1} positional arguments but ${rest.length + 1} were given`);
    const bound = { ...kwargs };
    rest.forEach((value, index) => {
      const name = signature.params[index]!;
      if (name in bound) throw typeError(`${method}() got multiple values for argument '${name}'`);
      bound[name] = value;
    });
    return { ids, kwargs: bound };
  }

  /** Whether `method` is a record method (called with ids); throws for an unknown model or method. */
  signature(model: string, method: string): { records: boolean; params: string[] } {
    if (!this.fields[model]) throw new FakeOdooException('KeyError', `'${model}'`);
    const signature = METHODS[method];
    if (!signature) throw new FakeOdooException('ValueError', `The method '${method}' does not exist on the model '${model}'`);
    return signature;
  }

  call(model: string, method: string, ids: number[] | null, kwargs: Record<string, unknown>): unknown {
    const { context: rawContext, ...params } = kwargs;
    const context = typeof rawContext === 'object' && rawContext !== null ? (rawContext as Record<string, unknown>) : {};
    const signature = this.signature(model, method);
    if (signature.records && ids === null) throw typeError(`${method}() missing 1 required positional argument: 'ids'`);
    const allowed = method === 'message_post' ? MESSAGE_POST_PARAMS : new Set(signature.params);
    for (const name of Object.keys(params)) {
      if (!allowed.has(name)) throw typeError(`${method}() got an unexpected keyword argument '${name}'`);
    }
    const recordIds = ids ?? [];
    switch (method) {
      case 'read':
        return this.read(model, recordIds, fieldList(params['fields']));
      case 'search_read': {
        const found = this.search(model, params['domain'] ?? [], params);
        return this.read(model, found, fieldList(params['fields']));
      }
      case 'search':
        return this.search(model, params['domain'] ?? [], params);
      case 'search_count':
        return this.search(model, params['domain'] ?? [], {}).length;
      case 'fields_get':
        return this.fieldsGet(model, params['allfields']);
      case 'write':
        return this.write(model, recordIds, params['vals']);
      case 'copy':
        return this.copy(model, recordIds, params['default']);
      case 'message_post':
        return this.messagePost(model, recordIds, params);
      case 'button_validate':
        return this.buttonValidate(model, recordIds, context);
      default:
        throw valueError(`The method '${method}' does not exist on the model '${model}'`);
    }
  }

  private read(model: string, ids: number[], fields: string[] | null): Record<string, unknown>[] {
    const specs = this.fields[model]!;
    const names = fields ?? Object.keys(specs);
    for (const name of names) {
      if (name !== 'id' && !specs[name]) throw valueError(`Invalid field '${name}' on model '${model}'`);
    }
    const absent = ids.filter((id) => !this.table(model).has(id));
    if (absent.length > 0) throw missing(model, absent);
    return ids.map((id) => {
      const row = this.row(model, id);
      const record: Record<string, unknown> = { id };
      for (const name of names) if (name !== 'id') record[name] = this.readValue(model, row, name);
      return record;
    });
  }

  private readValue(model: string, row: Row, name: string): unknown {
    const spec = this.fields[model]![name]!;
    switch (spec.type) {
      case 'many2one':
        return this.many2oneOf(spec.relation, row[name]);
      case 'one2many':
        return this.sorted(spec.relation, (other) => other[spec.inverse] === row.id, spec.relation === 'sale.order.line' ? 'sequence asc, id asc' : 'id asc').map((other) => other.id);
      case 'computed':
        return spec.compute(row, this);
      case 'integer':
      case 'float':
        return row[name] ?? 0;
      case 'boolean':
        return row[name] ?? false;
      default:
        return row[name] === undefined || row[name] === null || row[name] === '' ? false : row[name];
    }
  }

  /** A field's value as SQL sees it: a many2one is its id, an x2many its ids. */
  private storedValue(model: string, row: Row, name: string): unknown {
    const spec = this.fields[model]![name]!;
    if (spec.type === 'many2one') return typeof row[name] === 'number' ? row[name] : false;
    const value = this.readValue(model, row, name);
    return Array.isArray(value) && spec.type === 'computed' ? value[0] : value;
  }

  private search(model: string, domain: unknown, params: Record<string, unknown>): number[] {
    const valueOf = (row: Readonly<Record<string, unknown>>, field: string) => (field === 'id' ? row['id'] : this.storedValue(model, row as Row, this.knownField(model, field)));
    const matches = compileDomain(domain, valueOf);
    const order = typeof params['order'] === 'string' && params['order'] !== '' ? params['order'] : model === 'mail.message' ? 'id desc' : 'id asc';
    const compare = compileOrder(order, valueOf, (field) => field === 'id' || field in this.fields[model]!);
    const offset = typeof params['offset'] === 'number' ? params['offset'] : 0;
    const limit = typeof params['limit'] === 'number' ? params['limit'] : undefined;
    const found = this.rows(model).filter(matches).sort(compare);
    return found.slice(offset, limit === undefined ? undefined : offset + limit).map((row) => row.id);
  }

  private fieldsGet(model: string, allfields: unknown): Record<string, unknown> {
    const specs = this.fields[model]!;
    const wanted = Array.isArray(allfields) && allfields.length > 0 ? allfields.map(String) : Object.keys(specs);
    return Object.fromEntries(wanted.filter((name) => specs[name]).map((name) => [name, { type: specs[name]!.type === 'computed' ? 'char' : specs[name]!.type }]));
  }

  private write(model: string, ids: number[], vals: unknown): boolean {
    if (typeof vals !== 'object' || vals === null || Array.isArray(vals)) throw typeError('write() needs a dict of values');
    const rows = ids.map((id) => this.row(model, id));
    const writable: Record<string, string[]> = {
      'stock.move': ['quantity', 'picked'],
      'stock.picking': ['carrier_tracking_ref'],
      'sale.order': ['order_line', 'client_order_ref'],
    };
    for (const name of Object.keys(vals)) {
      if (!this.fields[model]![name]) throw valueError(`Invalid field '${name}' on model '${model}'`);
      if (!(writable[model] ?? []).includes(name)) throw userError(`The fake Odoo does not write ${model}.${name}`);
    }
    const values = vals as Record<string, unknown>;
    for (const row of rows) {
      if (model === 'stock.move' && (row['state'] === 'done' || row['state'] === 'cancel')) throw userError('You cannot change a done or cancelled stock move.');
      if ('order_line' in values) this.applyLineCommands(row, values['order_line']);
      for (const [name, value] of Object.entries(values)) if (name !== 'order_line') row[name] = value;
      if ('write_date' in this.fields[model]!) row['write_date'] = this.now();
    }
    return true;
  }

  private applyLineCommands(order: Row, commands: unknown): void {
    if (!Array.isArray(commands)) throw valueError('order_line expects a list of commands');
    for (const command of commands) {
      const [code, id] = Array.isArray(command) ? command : [];
      if (code !== 2 || typeof id !== 'number') throw userError('The fake Odoo only deletes order lines ([2, id, 0])');
      const line = this.row('sale.order.line', id);
      if (line['order_id'] !== order.id) throw userError(`Line ${id} is not on ${String(order['name'])}`);
      if (order['state'] === 'sale') throw userError('You cannot delete a line of a confirmed order.');
      this.table('sale.order.line').delete(id);
    }
    order['amount_total'] = this.computedTotal(order.id);
  }

  private copy(model: string, ids: number[], defaults: unknown): RecordsResult {
    if (model !== 'sale.order') throw userError(`The fake Odoo does not copy ${model}`);
    const overrides = typeof defaults === 'object' && defaults !== null ? (defaults as Record<string, unknown>) : {};
    const created = ids.map((id) => {
      const original = this.row('sale.order', id);
      const now = this.now();
      const copy = this.insert('sale.order', {
        ...original,
        name: `S${String(this.next('sale.order.name')).padStart(5, '0')}`,
        state: 'draft',
        locked: false,
        client_order_ref: false,
        date_order: now,
        create_date: now,
        write_date: now,
        ...overrides,
      });
      // copy_data skips down payments; the rest keep their sequence.
      for (const line of this.linesOf(id).filter((row) => row['is_downpayment'] !== true)) {
        this.insert('sale.order.line', { ...line, order_id: copy.id, qty_delivered: 0, write_date: now });
      }
      copy['amount_total'] = this.computedTotal(copy.id);
      return copy.id;
    });
    return new RecordsResult(created);
  }

  private messagePost(model: string, ids: number[], params: Record<string, unknown>): RecordsResult {
    if (model !== 'sale.order' && model !== 'stock.picking') throw valueError(`The method 'message_post' does not exist on the model '${model}'`);
    const subtype = params['subtype_xmlid'] ?? 'mail.mt_note';
    if (typeof subtype !== 'string' || !SUBTYPES[subtype]) throw valueError(`External ID not found in the system: ${String(subtype)}`);
    const created = ids.map((id) => {
      this.row(model, id);
      // A body sent over RPC is a str, not Markup: Odoo escapes it.
      return this.insert('mail.message', {
        model,
        res_id: id,
        body: escapeHtml(String(params['body'] ?? '')),
        message_type: params['message_type'] ?? 'notification',
        subtype_xmlid: subtype,
        date: this.now(),
      }).id;
    });
    return new RecordsResult(created);
  }

  /**
   * Odoo 17's `button_validate`: with nothing picked, everything is; with less than the
   * demand picked, the backorder wizard is returned unless `skip_backorder` is set, in which
   * case the rest goes to a new backorder delivery.
   */
  private buttonValidate(model: string, ids: number[], context: Record<string, unknown>): unknown {
    if (model !== 'stock.picking') throw valueError(`The method 'button_validate' does not exist on the model '${model}'`);
    const pickings = ids.map((id) => this.row(model, id));
    for (const picking of pickings) {
      if (picking['state'] === 'done' || picking['state'] === 'cancel') throw userError(`The transfer ${String(picking['name'])} is already ${String(picking['state'])}.`);
    }
    for (const picking of pickings) {
      const moves = this.movesOf(picking.id).filter((move) => move['state'] !== 'done' && move['state'] !== 'cancel');
      if (moves.every((move) => move['picked'] !== true)) for (const move of moves) move['picked'] = true;
      const short = moves.some((move) => move['picked'] !== true || (move['quantity'] as number) < (move['product_uom_qty'] as number));
      if (short && context['skip_backorder'] !== true) {
        return {
          name: 'Create Backorder?',
          type: 'ir.actions.act_window',
          view_mode: 'form',
          res_model: 'stock.backorder.confirmation',
          target: 'new',
          context: { button_validate_picking_ids: ids, default_pick_ids: [[4, picking.id]] },
        };
      }
    }
    for (const picking of pickings) this.done(picking);
    return true;
  }

  /** `_action_done` and `_create_backorder`: unpicked moves move to the backorder, short ones are split. */
  private done(picking: Row): void {
    const now = this.now();
    const unpicked: Row[] = [];
    const short: { move: Row; quantity: number }[] = [];
    for (const move of this.movesOf(picking.id)) {
      if (move['state'] === 'done' || move['state'] === 'cancel') continue;
      const demand = move['product_uom_qty'] as number;
      const shipped = move['picked'] === true ? Math.min(move['quantity'] as number, demand) : 0;
      if (shipped === 0) {
        unpicked.push(move);
        continue;
      }
      if (shipped < demand) short.push({ move, quantity: demand - shipped });
      Object.assign(move, { product_uom_qty: shipped, quantity: shipped, state: 'done' });
      const line = this.row('sale.order.line', move['sale_line_id'] as number);
      line['qty_delivered'] = (line['qty_delivered'] as number) + shipped;
    }
    Object.assign(picking, { state: 'done', write_date: now });
    if (unpicked.length > 0 || short.length > 0) {
      const order = this.row('sale.order', picking['sale_id'] as number);
      const backorder = this.insertPicking(order, picking.id);
      for (const move of unpicked) Object.assign(move, { picking_id: backorder.id, picked: false });
      for (const { move, quantity } of short) {
        this.insert('stock.move', { picking_id: backorder.id, sale_line_id: move['sale_line_id'], product_id: move['product_id'], product_uom_qty: quantity, quantity, picked: false, state: 'assigned' });
      }
    }
    // delivery_status and qty_delivered are stored computes: recomputing them writes the order.
    this.row('sale.order', picking['sale_id'] as number)['write_date'] = now;
  }

  // ---- helpers ----

  many2oneOf(model: string, id: unknown): [number, string] | false {
    if (typeof id !== 'number') return false;
    const row = this.row(model, id);
    return [id, this.displayName(model, row)];
  }

  productTemplateOf(productId: unknown): number | false {
    return typeof productId === 'number' ? (this.row('product.product', productId)['product_tmpl_id'] as number) : false;
  }

  /** Odoo 17's compute: the commercial partner's name when it is a company. */
  commercialCompanyName(row: Row): string | false {
    let commercial = row;
    while (typeof commercial['parent_id'] === 'number') commercial = this.row('res.partner', commercial['parent_id']);
    return commercial['is_company'] === true ? String(commercial['name']) : false;
  }

  private displayName(model: string, row: Row): string {
    if (model === 'product.product') return row['default_code'] ? `[${String(row['default_code'])}] ${String(row['name'])}` : String(row['name']);
    if (model === 'sale.order.line') return `${String(this.row('sale.order', row['order_id'] as number)['name'])} - ${String(row['name']).split('\n')[0]}`;
    // 17+: a state is shown with its country's code, a contact with its company's name.
    if (model === 'res.country.state') return `${String(row['name'])} (${String(this.row('res.country', row['country_id'] as number)['code'])})`;
    if (model === 'res.partner' && typeof row['parent_id'] === 'number' && row['is_company'] !== true) return `${String(this.row('res.partner', row['parent_id'])['name'])}, ${String(row['name'])}`;
    if (model === 'stock.move') return String(this.row('product.product', row['product_id'] as number)['name']);
    return String(row['name'] ?? `${model},${row.id}`);
  }

  private insertLine(order: Row, seed: FakeOdooLineSeed, sequence: number): Row {
    if (seed.displayType) {
      return this.insert('sale.order.line', {
        order_id: order.id, sequence, display_type: seed.displayType, is_downpayment: false, product_id: false,
        name: seed.description ?? 'Section', product_uom_qty: 0, price_unit: 0, qty_delivered: 0, write_date: this.now(),
      });
    }
    const product = this.product(seed.product ?? 'Custom Mug', seed.defaultCode ?? null, seed.productType ?? 'consu');
    return this.insert('sale.order.line', {
      order_id: order.id,
      sequence,
      display_type: false,
      is_downpayment: seed.isDownpayment ?? false,
      product_id: product.id,
      name: seed.description ?? this.displayName('product.product', product),
      product_uom_qty: seed.quantity ?? 1,
      price_unit: seed.priceUnit ?? 0,
      qty_delivered: 0,
      write_date: this.now(),
    });
  }

  private product(name: string, code: string | null, type: 'consu' | 'service'): Row {
    const existing = this.rows('product.product').find((row) => row['name'] === name && row['default_code'] === (code ?? false));
    if (existing) return existing;
    const template = this.insert('product.template', { name });
    return this.insert('product.product', { name, default_code: code ?? false, type, product_tmpl_id: template.id });
  }

  private insertPicking(order: Row, backorderOf: number | false): Row {
    return this.insert('stock.picking', {
      name: `WH/OUT/${String(this.next('stock.picking.name')).padStart(5, '0')}`,
      origin: order['name'],
      sale_id: order.id,
      picking_type_code: 'outgoing',
      state: 'assigned',
      backorder_id: backorderOf,
      carrier_tracking_ref: false,
      write_date: this.now(),
    });
  }

  private isGoods(line: Row): boolean {
    return this.row('product.product', line['product_id'] as number)['type'] !== 'service';
  }

  private computedTotal(orderId: number): number {
    const cents = this.linesOf(orderId).reduce((sum, line) => sum + Math.round((line['product_uom_qty'] as number) * (line['price_unit'] as number) * 100), 0);
    return cents / 100;
  }

  private knownField(model: string, field: string): string {
    if (!this.fields[model]![field]) throw valueError(`Invalid field '${field}' on model '${model}'`);
    return field;
  }

  private sorted(model: string, keep: (row: Row) => boolean, order: string): Row[] {
    const valueOf = (row: Readonly<Record<string, unknown>>, field: string) => row[field];
    return this.rows(model).filter(keep).sort(compileOrder(order, valueOf, () => true));
  }

  /** The row whose values are all `match`'s, or a new one with `match` and `extra`. */
  private findOrInsert(model: string, match: Record<string, unknown>, extra: Record<string, unknown> = {}): Row {
    const existing = this.rows(model).find((row) => Object.entries(match).every(([name, value]) => row[name] === value));
    return existing ?? this.insert(model, { ...match, ...extra });
  }

  private insert(model: string, values: Record<string, unknown>): Row {
    const id = this.next(`${model}.id`);
    const row: Row = { ...values, id };
    this.table(model).set(id, row);
    return row;
  }

  private next(sequence: string): number {
    const value = (this.sequences.get(sequence) ?? 0) + 1;
    this.sequences.set(sequence, value);
    return value;
  }

  private table(model: string): Map<number, Row> {
    const table = this.tables.get(model);
    if (!table) throw new FakeOdooException('KeyError', `'${model}'`);
    return table;
  }
}

function missing(model: string, ids: number[]): FakeOdooException {
  return new FakeOdooException('MissingError', `Record does not exist or has been deleted.\n(Record: ${model}(${ids.join(', ')},), User: 2)`);
}

function toIds(value: unknown): number[] {
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((id) => typeof id === 'number' && Number.isInteger(id))) throw typeError('ids must be a list of integers');
  return list as number[];
}

function fieldList(value: unknown): string[] | null {
  if (value === undefined || value === null || value === false) return null;
  if (!Array.isArray(value) || !value.every((name) => typeof name === 'string')) throw valueError('fields must be a list of field names');
  return value.length === 0 ? null : (value as string[]);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
}
