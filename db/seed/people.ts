import { normalizeEmail, normalizePhone } from "@/lib/customers/normalize";
import type { Random } from "./random";

export type SeedCustomer = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  preferredContact: "email" | "phone";
};

const FIRST_NAMES = [
  "Amelia", "Oliver", "Isla", "George", "Ava", "Harry", "Mia", "Jack", "Sophie", "Charlie", "Grace", "Thomas",
  "Emily", "James", "Lily", "William", "Freya", "Daniel", "Ella", "Samuel", "Chloe", "Joseph", "Hannah", "David",
  "Zara", "Mohammed", "Aisha", "Rhys", "Niamh", "Callum", "Eilidh", "Owen", "Megan", "Connor", "Siobhan", "Ravi",
  "Anjali", "Kwame", "Adaeze", "Tomasz", "Agnieszka", "Luca", "Fiona", "Graham", "Margaret", "Keith", "Pauline",
  "Derek", "Janet", "Stuart", "Lorraine", "Gareth", "Bethan", "Imran", "Sana", "Declan", "Orla", "Marcus", "Yasmin",
  "Patrick",
] as const;

const LAST_NAMES = [
  "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright",
  "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Hughes",
  "Edwards", "Hussain", "Khan", "Murphy", "Kelly", "Campbell", "Stewart", "MacDonald", "Morgan", "Price", "Begum",
  "Ahmed", "Singh", "Kaur", "Okoye", "Mensah", "Nowak", "Kowalski", "Rossi", "Fraser", "Reid", "Bennett", "Lloyd",
  "Marsh", "Fletcher", "Holt", "Barker", "Chapman", "Doyle", "Gallagher", "Sutton", "Pearce", "Osei", "Chowdhury",
  "Baxter", "Whitmore", "Ellison", "Farrow",
] as const;

/** Numbers in 07700 900000–900999 are set aside for drama and examples, so no real person is rung. */
function demoPhone(n: number): string {
  return `07700 900${String(n).padStart(3, "0")}`;
}

export const VICTOR: Omit<SeedCustomer, "id"> = {
  name: "Victor Crane",
  email: "victor.crane@example.com",
  phone: "07700 900417",
  preferredContact: "email",
};

/**
 * Believable UK customers with unique contact details. Most give an email address, some also a
 * phone; about one in seven gives only a phone and prefers to be rung.
 */
export function makeCustomers(random: Random, count: number, newId: () => string): SeedCustomer[] {
  const usedNames = new Set<string>([VICTOR.name]);
  const usedEmails = new Set<string>([VICTOR.email!]);
  const phoneNumbers = random.shuffle(Array.from({ length: 1000 }, (_, i) => i).filter((n) => n !== 417));
  const customers: SeedCustomer[] = [];
  while (customers.length < count) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const name = `${first} ${last}`;
    if (usedNames.has(name)) continue;
    usedNames.add(name);
    const phoneOnly = random.chance(0.14);
    const domain = random.chance(0.7) ? "example.com" : "example.org";
    const local = random.weighted([
      [`${first}.${last}`, 5],
      [`${first[0]}${last}`, 3],
      [`${first}${last}${random.int(1, 99)}`, 2],
    ] as const);
    let email = phoneOnly ? null : `${local.toLowerCase().replace(/[^a-z0-9.]/g, "")}@${domain}`;
    if (email && usedEmails.has(email)) email = email.replace("@", `${usedEmails.size}@`);
    if (email) usedEmails.add(email);
    const phone = phoneOnly || random.chance(0.35) ? demoPhone(phoneNumbers.pop()!) : null;
    customers.push({ id: newId(), name, email, phone, preferredContact: phoneOnly ? "phone" : "email" });
  }
  return customers;
}

export function customerRow(customer: SeedCustomer, createdAt: Date) {
  return {
    id: customer.id,
    name: customer.name,
    email: customer.email,
    emailNormalized: normalizeEmail(customer.email),
    phone: customer.phone,
    phoneNormalized: normalizePhone(customer.phone),
    preferredContact: customer.preferredContact,
    createdAt,
    updatedAt: createdAt,
  };
}
