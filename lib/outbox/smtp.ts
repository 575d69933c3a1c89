import "server-only";
import nodemailer from "nodemailer";
import type { Mailer } from "./worker";

/**
 * A Mailer over SMTP (SMTP_URL, e.g. smtp://user:pass@mail.example.com:587; smtps:// for TLS on
 * connect). Timeouts stay well under the worker's lease, so a hung server cannot outlive a claim.
 */
export function createSmtpMailer(url: string, from: string): Mailer & { close(): void } {
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
    close() {
      transport.close();
    },
  };
}
