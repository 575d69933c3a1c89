import type { BadgeTone } from "@/components/ui";
import type { OutboxStatus } from "@/db/schema";

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: "Waiting to send",
  sending: "Sending",
  sent: "Sent",
  failed: "Failed",
  skipped: "Not sent (no email)",
};

export const STATUS_TONES: Record<OutboxStatus, BadgeTone> = {
  pending: "info",
  sending: "brand",
  sent: "success",
  failed: "danger",
  skipped: "neutral",
};
