'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type Ref } from 'react';
import type { RevealRow } from '../../../game/boss/reveal';
import { useReducedMotion } from '../../challenges/[id]/play/useReducedMotion';
import { percentText } from '../room/format';
import { lineText, moveDelayMs, shakeUpMoves, startTransform, wholePercent, type ShakeUpMove } from './boss-view';

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
        <ShakeUpHead />
        <tbody>
          {moves.map((m, i) => (
            <ShakeUpRow
              key={m.row.playerId}
              move={m}
              me={m.row.playerId === meId}
              // The first row's height is the step every row's start offset is measured in.
              rowRef={i === 0 ? firstRow : undefined}
              style={rowMotion(m, i, moves.length, rowHeight, reduced, settled)}
            />
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p data-testid="shakeup-empty" className="p-4 text-sm text-slate-600">{t('shakeUp.empty')}</p>}
    </div>
  );
}

/**
 * A row's FLIP: held at its public place (no transition) until the hold ends, then released to 0
 * with a staggered transition; with reduced motion it sits at its private place from the start.
 */
function rowMotion(move: ShakeUpMove, index: number, count: number, rowHeight: number, reduced: boolean, settled: boolean): CSSProperties {
  const moving = !reduced && settled;
  return {
    transform: moving || reduced ? 'translateY(0px)' : startTransform(move, rowHeight, false),
    transition: moving ? `transform ${MOVE_MS}ms cubic-bezier(.2,.8,.2,1) ${moveDelayMs(index, count)}ms` : 'none',
  };
}

function ShakeUpHead() {
  const t = useTranslations('boss');
  return (
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
  );
}

function ShakeUpRow({ move, me, rowRef, style }: { move: ShakeUpMove; me: boolean; rowRef: Ref<HTMLTableRowElement> | undefined; style: CSSProperties }) {
  const t = useTranslations('boss');
  const { row } = move;
  const line = lineText(row);
  return (
    <tr
      ref={rowRef}
      data-testid="shakeup-row"
      data-player-id={row.playerId}
      data-nickname={row.nickname}
      data-public-rank={row.publicRank}
      data-private-rank={row.privateRank}
      data-moved={row.moved}
      aria-current={me ? 'true' : undefined}
      className={`relative border-t border-slate-100 ${me ? 'bg-amber-50 font-semibold' : 'bg-white'}`}
      style={style}
    >
      <td className="px-3 py-1.5 text-right tabular-nums">{row.privateRank}</td>
      <td className="max-w-[16rem] px-3 py-1.5">
        <span className="block truncate">{row.nickname}{me && <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-950">{t('you')}</span>}</span>
        <span data-testid="shakeup-line" data-line={line.key} className="block text-xs font-normal text-slate-600">{t(`line.${line.key}`, line.values)}</span>
      </td>
      <td data-testid="reveal-public" className="px-3 py-1.5 text-right tabular-nums">{t('percent', { value: percentText(row.public) })}</td>
      <td data-testid="reveal-private" className="px-3 py-1.5 text-right tabular-nums">{t('percent', { value: percentText(row.private) })}</td>
      <td data-testid="reveal-gap" data-value={row.gap} className="px-3 py-1.5 text-right tabular-nums">{t('gapValue', { value: wholePercent(row.gap) })}</td>
      <td data-testid="reveal-moved" className="px-3 py-1.5 text-right tabular-nums"><Moved arrow={move.arrow} places={move.places} /></td>
      <td data-testid="reveal-stars" data-value={row.stars} className="px-3 py-1.5 text-right">
        <Stars stars={row.stars} />
      </td>
    </tr>
  );
}

/** Filled and hollow stars out of three, read out as one image with its count. */
function Stars({ stars }: { stars: number }) {
  const t = useTranslations('boss');
  return (
    <span role="img" aria-label={t('stars', { stars })}>
      <span aria-hidden="true" className="text-amber-500">{'★'.repeat(stars)}</span>
      <span aria-hidden="true" className="text-slate-300">{'☆'.repeat(3 - stars)}</span>
    </span>
  );
}
