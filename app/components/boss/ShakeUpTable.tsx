'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RevealRow } from '../../../game/boss/reveal';
import { useReducedMotion } from '../../challenges/[id]/play/useReducedMotion';
import { percentText } from '../room/format';
import { lineText, moveDelayMs, shakeUpMoves, startTransform, wholePercent } from './boss-view';

/** The rows stand at their public places this long, then slide to their private ones. */
const HOLD_MS = 1500;
const MOVE_MS = 900;

function Moved({ arrow, places }: { arrow: '▲' | '▼' | '='; places: number }) {
  const t = useTranslations('boss');
  const tone = arrow === '▲' ? 'text-emerald-700' : arrow === '▼' ? 'text-red-700' : 'text-slate-500';
  const label = arrow === '▲' ? t('moved.up', { places }) : arrow === '▼' ? t('moved.down', { places }) : t('moved.same');
  return (
    <span className={`font-semibold ${tone}`}>
      <span aria-hidden="true">{arrow === '=' ? '–' : `${arrow} ${places}`}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}

/**
 * The shake-up: rows in private order that start where the public board had them and slide to
 * their private place (FLIP on translateY); with reduced motion they stand still and the arrows say
 * who climbed and who fell.
 */
export function ShakeUpTable({ rows, meId }: { rows: readonly RevealRow[]; meId?: string }) {
  const t = useTranslations('boss');
  const reduced = useReducedMotion();
  const moves = shakeUpMoves(rows);
  const firstRow = useRef<HTMLTableRowElement>(null);
  const [rowHeight, setRowHeight] = useState(0);
  const [settled, setSettled] = useState(false);
  useLayoutEffect(() => setRowHeight(firstRow.current?.offsetHeight ?? 0), [rows.length]);
  useEffect(() => {
    const id = window.setTimeout(() => setSettled(true), HOLD_MS);
    return () => window.clearTimeout(id);
  }, []);
  return (
    <div tabIndex={0} role="region" aria-label={t('shakeUp.caption')} className="relative overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
      <table data-testid="shakeup-table" data-settled={settled || reduced ? 'true' : 'false'} className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">{t('shakeUp.caption')}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 text-right">{t('col.privateRank')}</th>
            <th scope="col" className="px-3 py-2">{t('col.nickname')}</th>
            <th scope="col" className="px-3 py-2 text-right">{t('col.public')}</th>
            <th scope="col" className="px-3 py-2 text-right">{t('col.private')}</th>
            <th scope="col" className="px-3 py-2 text-right">{t('col.gap')}</th>
            <th scope="col" className="px-3 py-2 text-right">{t('col.moved')}</th>
            <th scope="col" className="px-3 py-2 text-right">{t('col.stars')}</th>
          </tr>
        </thead>
        <tbody>
          {moves.map((m, i) => {
            const { row } = m;
            const me = row.playerId === meId;
            const line = lineText(row);
            const moving = !reduced && settled;
            return (
              <tr
                key={row.playerId}
                ref={i === 0 ? firstRow : undefined}
                data-testid="shakeup-row"
                data-player-id={row.playerId}
                data-nickname={row.nickname}
                data-public-rank={row.publicRank}
                data-private-rank={row.privateRank}
                data-moved={row.moved}
                aria-current={me ? 'true' : undefined}
                className={`relative border-t border-slate-100 ${me ? 'bg-amber-50 font-semibold' : 'bg-white'}`}
                style={{
                  transform: moving || reduced ? 'translateY(0px)' : startTransform(m, rowHeight, false),
                  transition: moving ? `transform ${MOVE_MS}ms cubic-bezier(.2,.8,.2,1) ${moveDelayMs(i, moves.length)}ms` : 'none',
                }}
              >
                <td className="px-3 py-1.5 text-right tabular-nums">{row.privateRank}</td>
                <td className="max-w-[16rem] px-3 py-1.5">
                  <span className="block truncate">{row.nickname}{me && <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-950">{t('you')}</span>}</span>
                  <span data-testid="shakeup-line" data-line={line.key} className="block text-xs font-normal text-slate-600">{t(`line.${line.key}`, line.values)}</span>
                </td>
                <td data-testid="reveal-public" className="px-3 py-1.5 text-right tabular-nums">{t('percent', { value: percentText(row.public) })}</td>
                <td data-testid="reveal-private" className="px-3 py-1.5 text-right tabular-nums">{t('percent', { value: percentText(row.private) })}</td>
                <td data-testid="reveal-gap" data-value={row.gap} className="px-3 py-1.5 text-right tabular-nums">{t('gapValue', { value: wholePercent(row.gap) })}</td>
                <td data-testid="reveal-moved" className="px-3 py-1.5 text-right tabular-nums"><Moved arrow={m.arrow} places={m.places} /></td>
                <td data-testid="reveal-stars" data-value={row.stars} className="px-3 py-1.5 text-right">
                  <span role="img" aria-label={t('stars', { stars: row.stars })}>
                    <span aria-hidden="true" className="text-amber-500">{'★'.repeat(row.stars)}</span>
                    <span aria-hidden="true" className="text-slate-300">{'☆'.repeat(3 - row.stars)}</span>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p data-testid="shakeup-empty" className="p-4 text-sm text-slate-600">{t('shakeUp.empty')}</p>}
    </div>
  );
}
