import type { Metadata } from "next";
import { headers } from "next/headers";
import { FormNotice } from "@/components/form-notice";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "CaseRoot", template: "%s · CaseRoot" },
  description: "File a complaint and follow it until it is put right.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page carries a fresh script nonce (proxy.ts), so no page may be prerendered once and
  // served to many: reading the request's headers makes each render per request.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <FormNotice />
        {children}
      </body>
    </html>
  );
}
