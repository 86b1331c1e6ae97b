import { Role } from '../modules/accounts/models/role.enum.js';

/**
 * Demo sign-ins for the embedded start (documented in the README). Demo only: the seed runs when
 * SEED_DEMO_DATA is on, which production stacks leave off.
 */
export const DEMO_PASSWORDS = {
  seller: 'karyaibu-demo',
  officer: 'dinas-demo-2026',
  admin: 'admin-demo-2026',
  pendamping: 'pendamping-demo-2026',
  buyer: 'pembeli-demo-2026',
  finance: 'keuangan-demo-2026',
} as const;

/** Confirms the demo bank transfers and runs the demo payouts. */
export const DEMO_FINANCE_EMAIL = 'keuangan@karyaibu.demo';

export interface DemoAccount {
  displayName: string;
  email: string | null;
  phone: string | null;
  password: string;
  roles: Role[];
}


export const DEMO_STAFF: DemoAccount[] = [
  { displayName: 'Petugas DP3AKB (demo)', email: 'petugas@karyaibu.demo', phone: null, password: DEMO_PASSWORDS.officer, roles: [Role.BUYER, Role.OFFICER] },
  { displayName: 'Admin Karya Ibu (demo)', email: 'admin@karyaibu.demo', phone: null, password: DEMO_PASSWORDS.admin, roles: [Role.BUYER, Role.ADMIN] },
  { displayName: 'Pembeli (demo)', email: 'pembeli@karyaibu.demo', phone: null, password: DEMO_PASSWORDS.buyer, roles: [Role.BUYER] },
  { displayName: 'Keuangan Karya Ibu (demo)', email: DEMO_FINANCE_EMAIL, phone: null, password: DEMO_PASSWORDS.finance, roles: [Role.BUYER, Role.FINANCE] },
];

/** One pendamping per active kampung KB: pendamping.<kampung-slug>@karyaibu.demo */
export const demoPendamping = (kampung: { slug: string; name: string }): DemoAccount => ({
  displayName: `Pendamping ${kampung.name} (demo)`,
  email: `pendamping.${kampung.slug}@karyaibu.demo`,
  phone: null,
  password: DEMO_PASSWORDS.pendamping,
  roles: [Role.BUYER, Role.PENDAMPING],
});

/** An applicant waiting in the verification queue. */
export const DEMO_APPLICANT = {
  account: { displayName: 'Ratna Sari (demo)', email: null, phone: '+6281299990001', password: DEMO_PASSWORDS.seller, roles: [Role.BUYER] } satisfies DemoAccount,
  /** As DP3AKB's roster of the batik cohort names her: an officer verifying her finds her there. */
  rosterName: 'Ratna Sari',
  kampungSlug: 'karang-jati',
  slug: 'ratna-sari-demo',
  story: 'Saya ikut Pelatihan Membatik tahun ini dan ingin mulai menjual kain cap buatan saya sendiri.',
};
