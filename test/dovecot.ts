import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer, type AddressInfo } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

/**
 * A real IMAP server for the email-in tests: Dovecot from the system packages (`apt-get install
 * dovecot-imapd`, see .ci/run), started in the foreground with a throwaway configuration and
 * maildir on a free loopback port. Any user name signs in with the password "secret" and gets a
 * mailbox of its own. The system service is never used.
 */

export const DOVECOT = "/usr/sbin/dovecot";
export const dovecotInstalled = existsSync(DOVECOT);

export type Dovecot = { port: number; url: (user: string, mailbox?: string) => string; close: () => Promise<void> };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("* OK"));
    });
    socket.once("error", () => resolve(false));
  });
}

export async function startDovecot(): Promise<Dovecot> {
  const dir = mkdtempSync(path.join(tmpdir(), "caseroot-dovecot-"));
  if (userInfo().uid === 0) chmodSync(dir, 0o755); // the mail user (nobody) must reach the maildir below
  const port = await freePort();
  const me = userInfo();
  // As root, mail is stored as "nobody" (Dovecot refuses uid 0 for mail); otherwise as ourselves.
  const [uid, gid] = me.uid === 0 ? [65534, 65534] : [me.uid, me.gid];
  const home = path.join(dir, "home");
  mkdirSync(home);
  if (me.uid === 0) chownSync(home, uid, gid);
  const loginUser = me.uid === 0 ? "dovenull" : me.username;
  const internalUser = me.uid === 0 ? "dovecot" : me.username;
  writeFileSync(
    path.join(dir, "dovecot.conf"),
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = ${loginUser}
default_internal_user = ${internalUser}
first_valid_uid = ${Math.min(uid, 1)}
mail_location = maildir:~/Maildir
passdb {
  driver = static
  args = password=secret
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${home}/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
`,
  );
  const child: ChildProcess = spawn(DOVECOT, ["-F", "-c", path.join(dir, "dovecot.conf")], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  for (let attempt = 0; !(await answers(port)); attempt++) {
    if (child.exitCode !== null || attempt > 100) {
      const logText = existsSync(path.join(dir, "dovecot.log")) ? readFileSync(path.join(dir, "dovecot.log"), "utf8") : "";
      child.kill("SIGKILL");
      throw new Error(`Dovecot did not start: ${stderr}\n${logText}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    url: (user, mailbox = "INBOX") => `imap://${encodeURIComponent(user)}:secret@127.0.0.1:${port}/${encodeURIComponent(mailbox)}`,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
