// Role names and labels for the "add a user" form. The server's policy module owns what each role
// may do and which organisation it needs; it checks every grant. (A GET /api/roles endpoint would
// let this list come from the server too — see docs/WEB.md.)
export const roleOptions: { value: string; text: string }[] = [
  { value: 'pct_commissioner', text: 'PCT commissioner' },
  { value: 'pct_analyst', text: 'PCT analyst' },
  { value: 'pct_board_member', text: 'PCT board member' },
  { value: 'sha_assurance_lead', text: 'SHA assurance lead' },
  { value: 'sha_panel_member', text: 'SHA panel member' },
  { value: 'framework_supplier', text: 'Framework supplier' },
  { value: 'national_admin', text: 'National administrator' },
];

export const roleLabel = (role: string) => roleOptions.find((r) => r.value === role)?.text ?? role;
