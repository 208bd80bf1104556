import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A throwaway certificate authority made by the test with `openssl` (on the PATH; node:crypto makes keys but not
 * X.509 certificates): EC P-256 keys, certificates valid one day, files in `dir`.
 */
export class TestCa {
  readonly certFile: string;
  private readonly keyFile: string;
  private serial = 1;

  constructor(
    private readonly dir: string,
    readonly name: string,
  ) {
    this.keyFile = join(dir, `${name}-ca.key`);
    this.certFile = join(dir, `${name}-ca.pem`);
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', this.keyFile]);
    openssl(['req', '-x509', '-new', '-key', this.keyFile, '-sha256', '-days', '1', '-subj', `/CN=${name} test CA`, '-out', this.certFile]);
  }

  /** A certificate signed by this CA: a server's (`serverAuth`, with `altNames`) or a client's (`clientAuth`). */
  issue(commonName: string, use: 'server' | 'client', altNames: string[] = []): { certFile: string; keyFile: string } {
    const base = join(this.dir, `${this.name}-${commonName}`);
    const keyFile = `${base}.key`;
    const certFile = `${base}.pem`;
    const csrFile = `${base}.csr`;
    const extFile = `${base}.ext`;
    // genpkey writes PKCS#8, which every TLS stack here reads (Go, rustls in the SDK's core, Node).
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', keyFile]);
    openssl(['req', '-new', '-key', keyFile, '-subj', `/CN=${commonName}`, '-out', csrFile]);
    const ext = ['basicConstraints=critical,CA:FALSE', 'keyUsage=critical,digitalSignature', `extendedKeyUsage=${use === 'server' ? 'serverAuth' : 'clientAuth'}`];
    if (altNames.length > 0) ext.push(`subjectAltName=${altNames.join(',')}`);
    writeFileSync(extFile, `${ext.join('\n')}\n`);
    openssl(['x509', '-req', '-in', csrFile, '-CA', this.certFile, '-CAkey', this.keyFile, '-set_serial', String(this.serial++), '-days', '1', '-sha256', '-extfile', extFile, '-out', certFile]);
    return { certFile, keyFile };
  }
}

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}
