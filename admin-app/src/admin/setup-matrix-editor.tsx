import { Banner, BlockStack, Button, Card, InlineStack, Text, TextField } from '@shopify/polaris';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, gql } from '../api/graphql.ts';
import { cellsFromMatrix, matrixFamilies, matrixFromCells, type MatrixCells, type SetupMatrix } from './setup-matrix.ts';

/** Changeover minutes between the setup families of the production profiles: a grid of from-family (rows) × to-family (columns). */
export function SetupMatrixEditor() {
  const [families, setFamilies] = useState<string[] | null>(null);
  const [cells, setCells] = useState<MatrixCells>({});
  const [errors, setErrors] = useState<MatrixCells>({});
  const [message, setMessage] = useState<{ tone: 'critical' | 'success'; text: string } | null>(null);
  const load = useCallback(() => {
    gql<{ setupMatrix: SetupMatrix; productionProfiles: { setupFamily: string | null }[] }>('{ setupMatrix productionProfiles { setupFamily } }').then(
      (data) => {
        const names = matrixFamilies(data.productionProfiles.map((profile) => profile.setupFamily), data.setupMatrix);
        setFamilies(names);
        setCells(cellsFromMatrix(data.setupMatrix, names));
      },
      (error: unknown) => setMessage({ tone: 'critical', text: error instanceof ApiError ? error.message : 'Changeover times could not be loaded' }),
    );
  }, []);
  useEffect(load, [load]);

  const setCell = (from: string, to: string, value: string) => setCells((current) => ({ ...current, [from]: { ...current[from], [to]: value } }));
  const save = async () => {
    if (!families) return;
    const check = matrixFromCells(cells, families);
    if (!check.ok) {
      setErrors(check.errors);
      setMessage({ tone: 'critical', text: 'Not saved: correct the marked cells.' });
      return;
    }
    setErrors({});
    try {
      await gql('mutation ($matrix: JSON!) { saveSetupMatrix(matrix: $matrix) }', { matrix: check.matrix });
      setMessage({ tone: 'success', text: 'Saved the changeover times' });
      load();
    } catch (error) {
      setMessage({ tone: 'critical', text: `Not saved: ${error instanceof ApiError ? error.message : 'that did not work'}` });
    }
  };

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Changeover times</Text>
        <Text as="p" tone="subdued">Minutes to change a machine over from a job of one setup family (row) to a job of another (column). Blank: no changeover.</Text>
        {message && <Banner tone={message.tone} onDismiss={() => setMessage(null)}>{message.text}</Banner>}
        {families?.length === 0 && <Text as="p">No setup families yet: give production profiles a setup family first.</Text>}
        {families && families.length > 0 && (
          <>
            <div className="setup-matrix-scroll">
              <table className="setup-matrix" aria-label="Changeover minutes, from family (rows) to family (columns)">
                <thead>
                  <tr>
                    <td>From \ to</td>
                    {families.map((to) => <th key={to} scope="col">{to}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {families.map((from) => (
                    <tr key={from}>
                      <th scope="row">{from}</th>
                      {families.map((to) => (
                        <td key={to}>
                          {from === to ? (
                            <TextField label={`From ${from} to ${to} (same family)`} labelHidden type="number" value="0" disabled autoComplete="off" />
                          ) : (
                            <TextField label={`Changeover from ${from} to ${to} (minutes)`} labelHidden type="number" min={0} value={cells[from]?.[to] ?? ''} onChange={(value) => setCell(from, to, value)} error={errors[from]?.[to]} autoComplete="off" />
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <InlineStack>
              <Button variant="primary" onClick={() => void save()}>Save changeover times</Button>
            </InlineStack>
          </>
        )}
      </BlockStack>
    </Card>
  );
}
