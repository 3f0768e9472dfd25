import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function filesUnder(dir: string, ending: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, ending) : path.endsWith(ending) ? [path] : [];
  });
}

describe('the pieces that run inside the platforms', () => {
  it('the WordPress plugin is valid PHP', () => {
    const files = filesUnder(join(ROOT, 'connectors/woocommerce/wordpress-plugin'), '.php');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(execFileSync('php', ['-l', file], { encoding: 'utf8' })).toContain('No syntax errors');
  });

  it('the Odoo addon is valid Python and well-formed XML', () => {
    const addon = join(ROOT, 'connectors/odoo/addon');
    const python = filesUnder(addon, '.py');
    const xml = filesUnder(addon, '.xml');
    expect(python.length).toBeGreaterThan(2);
    expect(xml.length).toBeGreaterThan(0);
    // py_compile exits non-zero, so execFileSync throws, on the first syntax error.
    execFileSync('python3', ['-m', 'py_compile', ...python], { env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONPYCACHEPREFIX: '/tmp/pressline-pycache' } });
    execFileSync('python3', ['-c', 'import sys, xml.dom.minidom\nfor f in sys.argv[1:]: xml.dom.minidom.parse(f)', ...xml]);
  });
});
