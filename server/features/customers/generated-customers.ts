/**
 * Made-up customers for GLUE_SEED_CUSTOMERS: enough variety in names and e-mails that a search
 * over 100,000 of them behaves like one over a real shop's customers. Deterministic: a fixed
 * pseudo-random sequence, so the same count gives the same customers (and a larger count starts
 * with the customers of a smaller one).
 */

/** Spryker's demo hash of "change123" (seed-data/customers.csv): one hash for every generated customer. */
export const GENERATED_PASSWORD_HASH =
  '$2y$10$BfK63PmaH/mYpHNfVjCIIuDwnMM.q2ZyjzUAjZTXPmAEiXPoqsXdy';

export interface GeneratedCustomer {
  id: number;
  reference: string;
  email: string;
  firstName: string;
  lastName: string;
  salutation: string;
  gender: 'Male' | 'Female';
  dateOfBirth: string | null;
  passwordHash: string;
  createdAt: string;
}

type Gender = GeneratedCustomer['gender'];

/** The comma-separated names of a template literal, so the lists stay compact. */
function list(text: string): readonly string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const FEMALE_NAMES = list(`
  Anna, Maria, Sophie, Emma, Mia, Lena, Laura, Julia, Hannah, Lea, Marie, Johanna, Katharina,
  Charlotte, Clara, Greta, Ida, Frieda, Jördis, Zoë, Olivia, Amelia, Isla, Ava, Emily, Grace,
  Chloé, Camille, Manon, Léa, Inès, Lucía, Sofía, Valentina, Martina, Giulia, Chiara, Aurora,
  Francesca, Zofia, Małgorzata, Katarzyna, Agnieszka, Tereza, Eliška, Ingrid, Astrid, Freya,
  Sigrid, Ayşe, Zeynep, Elif, Yuki, Sakura, Priya, Ananya, Mei, Fatima, Leila, Nina, Elena,
  Olga, Beatriz, Mariana, Amara, Noor, Marta, Teresa, Rosa, Helga
`);

const MALE_NAMES = list(`
  Lukas, Jonas, Leon, Paul, Ben, Finn, Elias, Noah, Felix, Max, Maximilian, Tom, Jürgen,
  Günter, Stefan, Andreas, Michael, Thomas, Markus, Martin, Oliver, James, George, Harry,
  Jack, Charlie, William, Oscar, Louis, Gabriel, Raphaël, Arthur, Hugo, Mateo, Daniel, Pablo,
  Alejandro, Marco, Francesco, Alessandro, Lorenzo, Jan, Piotr, Kacper, Mateusz, Łukasz,
  Jakub, Tomáš, Lars, Anders, Nils, Sven, Mehmet, Emre, Hiroshi, Kenji, Arjun, Rahul, Wei,
  Omar, Ali, Ivan, Dmitri, Bruno, João, Tiago, Kwame, Mark, Mario, Björn
`);

const LAST_NAMES = list(`
  Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann,
  Schäfer, Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, Braun,
  Krüger, Hofmann, Hartmann, Lange, Schmitt, Werner, Krause, Meier, Lehmann, Smith, Jones,
  Taylor, Brown, Williams, Wilson, Johnson, Davies, Robinson, Wright, Thompson, Evans,
  Walker, White, Roberts, Green, Hall, Wood, Jackson, Clarke, Martin, Bernard, Dubois,
  Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, García, Fernández, González,
  Rodríguez, López, Martínez, Sánchez, Pérez, Gómez, Ruiz, Rossi, Russo, Ferrari, Esposito,
  Bianchi, Romano, Colombo, Ricci, Marino, Greco, Nowak, Kowalski, Wiśniewski, Wójcik,
  Kowalczyk, Novák, Svoboda, Dvořák, Černý, Horváth, Jensen, Nielsen, Hansen, Andersson,
  Johansson, Larsson, Eriksson, Berg, Lindqvist, Virtanen, Yılmaz, Kaya, Demir, Şahin,
  Öztürk, Sato, Suzuki, Takahashi, Tanaka, Patel, Sharma, Singh, Chen, Wang, Li, Zhang,
  Nguyen, Haddad, Nasser, Ivanov, Petrov, Silva, Santos, Oliveira, Costa, Pereira, de Vries,
  Jansen, van Dijk, Bakker, Janssens, Peeters, O'Brien, Murphy, Kelly, MacDonald, Okafor,
  Mensah, Papadopoulos, Nagy
`);

const DOMAINS = list(`
  gmail.com, yahoo.com, outlook.com, hotmail.com, icloud.com, proton.me, gmx.de, web.de,
  t-online.de, posteo.de, mailbox.org, freenet.de, orange.fr, free.fr, libero.it, wp.pl,
  seznam.cz, telia.se, example.com, example.org, mail.example.net, shop-mail.eu
`);

/** A small, fast, well-mixed 32-bit generator (mulberry32); the seed fixes the whole sequence. */
export function randomSequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const TRANSLITERATION: Readonly<Record<string, string>> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  ł: 'l',
  ı: 'i',
  ø: 'o',
  æ: 'ae',
};

const mailNames = new Map<string, string>();

/** "Müller" → "mueller", "O'Brien" → "obrien", "de Vries" → "devries": the local part of an e-mail. */
export function mailName(name: string): string {
  let mailed = mailNames.get(name);
  if (mailed === undefined) {
    mailed = name
      .toLowerCase()
      .replace(/[äöüßłıøæ]/g, (char) => TRANSLITERATION[char] ?? '')
      .normalize('NFD')
      .replace(/[^a-z]/g, '');
    mailNames.set(name, mailed);
  }
  return mailed;
}

function localPart(random: () => number, first: string, last: string): string {
  const f = mailName(first);
  const l = mailName(last);
  switch (Math.floor(random() * 7)) {
    case 0:
      return `${f}.${l}`;
    case 1:
      return `${f.slice(0, 1)}.${l}`;
    case 2:
      return `${f}${l}`;
    case 3:
      return `${l}.${f}`;
    case 4:
      return `${f}_${l}`;
    case 5:
      // A two-digit birth year, as many people add one.
      return `${f}.${l}${50 + Math.floor(random() * 50)}`;
    default:
      return `${f.slice(0, 1)}${l}`;
  }
}

const DAY_MS = 24 * 3600 * 1000;
const FIRST_REGISTRATION = Date.UTC(2020, 5, 24);
const REGISTRATION_DAYS = 2000;

function timestamp(ms: number): string {
  // Spryker's format, as the demo customers are stored: "2020-06-24 00:00:00.000000".
  return `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)}.000000`;
}

/**
 * `count` customers with ids `firstId`, `firstId + 1`, … and references `DE--<id>`. E-mails are
 * unique, also against `reservedEmails` (compared in lower case, as the customers table does).
 */
export function generateCustomers(
  count: number,
  firstId: number,
  reservedEmails: Iterable<string> = [],
): GeneratedCustomer[] {
  const random = randomSequence(0x5eed_c0de);
  const taken = new Set<string>();
  const lastSuffix = new Map<string, number>();
  for (const email of reservedEmails) taken.add(email.toLowerCase());
  const customers: GeneratedCustomer[] = [];
  for (let index = 0; index < count; index++) {
    const id = firstId + index;
    const gender: Gender = random() < 0.5 ? 'Female' : 'Male';
    const firstName = pick(random, gender === 'Female' ? FEMALE_NAMES : MALE_NAMES);
    const lastName = pick(random, LAST_NAMES);
    const local = localPart(random, firstName, lastName);
    const domain = pick(random, DOMAINS);
    const wanted = `${local}@${domain}`;
    let email = wanted;
    // A namesake on the same domain gets a number, as mail providers make people do.
    let suffix = lastSuffix.get(wanted) ?? 1;
    while (taken.has(email)) {
      suffix++;
      email = `${local}${suffix}@${domain}`;
    }
    lastSuffix.set(wanted, suffix);
    taken.add(email);
    const salutation = gender === 'Male' ? 'Mr' : random() < 0.5 ? 'Ms' : 'Mrs';
    const birth =
      random() < 0.6 ? Date.UTC(1950, 0, 1) + Math.floor(random() * 20000) * DAY_MS : null;
    const registered =
      FIRST_REGISTRATION +
      Math.floor(random() * REGISTRATION_DAYS) * DAY_MS +
      Math.floor((random() * DAY_MS) / 1000) * 1000;
    customers.push({
      id,
      reference: `DE--${id}`,
      email,
      firstName,
      lastName,
      salutation,
      gender,
      dateOfBirth: birth === null ? null : new Date(birth).toISOString().slice(0, 10),
      passwordHash: GENERATED_PASSWORD_HASH,
      createdAt: timestamp(registered),
    });
  }
  return customers;
}
