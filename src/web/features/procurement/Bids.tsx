// Sealed bids: a supplier's bid form and receipt; the receipts the user may see; opening after the deadline.
import { useState, type FormEvent } from 'react';
import { useSession } from '../../app/session.tsx';
import { formatDateTime } from '../../app/format.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { Button } from '../../components/Button.tsx';
import { Input } from '../../components/Input.tsx';
import { Table } from '../../components/Table.tsx';
import { ActionError } from './ActionError.tsx';
import { TextArea } from './TextArea.tsx';
import { useAction } from './use-action.ts';
import { BidAttachments } from './BidAttachments.tsx';
import type { Competition, Receipt } from './types.ts';

export function Bids({ c, receipts, onDone }: { c: Competition; receipts: Receipt[]; onDone(): void }) {
  const { api } = useSession();
  const [f, setF] = useState({ response: '', price: '', docName: '', docText: '' });
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const a = useAction(onDone);
  const supplierId = c.you.supplierIds[0];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void a.run(() => api.request('PUT', `/procurement/competitions/${c.id}/bids/${supplierId}`, {
      response: f.response, pricePounds: Number(f.price), documents: f.docName ? [{ name: f.docName, text: f.docText || f.docName }] : [],
    }));
  };
  return (
    <section>
      <h2>Bids</h2>
      <ActionError error={a.error} />
      {c.sealed && <p>Bids are sealed until {c.bidDeadline ? formatDateTime(c.bidDeadline) : 'the deadline'}: nobody, administrators included, can read one before then.</p>}
      {receipts.length > 0 && (
        <Table caption={c.sealed ? 'Your bid receipt' : 'Bids received'} head={[{ text: 'Supplier' }, { text: 'Submitted' }, { text: 'Receipt (SHA-256)' }, { text: 'Bid' }]}
          rows={receipts.map((r) => ({ key: r.supplierId, cells: [
            { text: r.supplierId }, { text: formatDateTime(r.submittedAt) }, { text: <code>{r.digest.slice(0, 16)}…</code> },
            { text: <AppLink href={`/procurement/competitions/${c.id}/bids/${r.supplierId}`}>Read the bid from {r.supplierId}</AppLink> },
          ] }))} />
      )}
      {supplierId && c.status === 'tendering' && c.sealed && (
        <form noValidate onSubmit={submit}>
          <h3>Your sealed bid ({supplierId})</h3>
          <TextArea id="bid-response" label="Response to the requirement" value={f.response} onChange={set('response')} />
          <Input id="bid-price" name="price" label={{ text: 'Price (£)', classes: 'nhsuk-label--s' }} value={f.price} onChange={set('price')} inputmode="numeric" classes="nhsuk-input--width-10" />
          <Input id="doc-name" name="docName" label={{ text: 'Document title (optional)', classes: 'nhsuk-label--s' }} value={f.docName} onChange={set('docName')} />
          <TextArea id="doc-text" label="Document text (optional)" value={f.docText} onChange={set('docText')} rows={3} />
          <Button text={receipts.length ? 'Replace my sealed bid' : 'Submit sealed bid'} disabled={a.busy} />
        </form>
      )}
      {supplierId && receipts.some((r) => r.supplierId === supplierId) && <BidAttachments c={c} supplierId={supplierId} />}
      {c.you.pctWriter && c.status === 'tendering' && (
        <Button text="Open the bids" variant="secondary" disabled={a.busy} onClick={() => void a.run(() => api.request('POST', `/procurement/competitions/${c.id}/open-bids`))} type="button" />
      )}
    </section>
  );
}
