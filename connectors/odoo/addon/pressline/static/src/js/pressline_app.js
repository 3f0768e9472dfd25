/** @odoo-module **/

import { Component, onWillStart, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { _t } from "@web/core/l10n/translation";

/**
 * The Pressline admin in an iframe. The server signs a short-lived launch token for the
 * current user (/pressline/launch_token); Pressline checks it and opens its own session.
 * Pressline's Content-Security-Policy must allow this Odoo host in frame-ancestors.
 */
export class PresslineApp extends Component {
    static template = "pressline.App";
    static props = ["*"];

    setup() {
        this.state = useState({ loading: true, url: null, error: null });
        onWillStart(() => this.loadLaunchUrl());
    }

    async loadLaunchUrl() {
        try {
            // A plain JSON-RPC call: the rpc service (17) and the rpc function (18+) differ,
            // the wire format does not.
            const response = await fetch("/pressline/launch_token", {
                method: "POST",
                headers: { "Content-Type": "application/json" },
                body: JSON.stringify({ jsonrpc: "2.0", method: "call", params: {} }),
            });
            const payload = await response.json();
            if (payload.error) {
                throw new Error((payload.error.data && payload.error.data.message) || payload.error.message);
            }
            if (!payload.result.configured) {
                this.state.error = _t("Pressline is not set up yet: enter its URL, shop ID and webhook secret in Settings > Pressline.");
            } else {
                this.state.url = payload.result.url;
            }
        } catch (error) {
            this.state.error = _t("Pressline could not be opened: %s", error.message);
        } finally {
            this.state.loading = false;
        }
    }
}

registry.category("actions").add("pressline.App", PresslineApp);
