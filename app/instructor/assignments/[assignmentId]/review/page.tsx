import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { Link } from '@/components/layout/link';
import { ClassAverages } from '@/components/review/class-averages';
import { DisputesView } from '@/components/review/disputes-view';
import { DistributionChart } from '@/components/review/distribution-chart';
import { ExtrasList } from '@/components/review/extras-list';
import { FiguresGlossary } from '@/components/review/figures-glossary';
import { HeatmapView } from '@/components/review/heatmap-view';
import { KeyItems } from '@/components/review/key-items';
import { RosterTable } from '@/components/review/roster-table';
import { STATUS_NAMES, type WorkStatus } from '@/components/review/types';
import { getExercise } from '@/lib/content/lessons';
import { getActor } from '@/lib/server/actor';
import { getDashboard, getDisputes, getHeatmap } from '@/lib/server/data/review';
import { ATTRIBUTE_OF, LABELS, type Label } from '@/lib/validation/labels';
import { formatRosterSort } from '@/lib/validation/review';
import { acceptExtraAction, dismissExtraAction } from './actions';

export const metadata: Metadata = { title: 'Review answers' };

type Search = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

export default async function ReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ assignmentId: string }>;
  searchParams: Promise<Search>;
}) {
  const { assignmentId } = await params;
  const search = await searchParams;
  const actor = await getActor();
  if (actor.kind !== 'instructor') redirect('/instructor/sign-in');
  // Another instructor's assignment answers as no such page: nobody learns which ids exist.
  const dashboard = await getDashboard(actor, assignmentId, one(search.sort));
  if (!dashboard.ok) notFound();
  const d = dashboard.value;
  const exercise = d.exercises.find((e) => e.exerciseId === one(search.exercise)) ?? d.exercises[0];
  const base = `/instructor/assignments/${assignmentId}`;
  const query = (changes: Record<string, string | null>) => {
    const q = new URLSearchParams();
    const current: Record<string, string | undefined> = {
      exercise: exercise?.exerciseId,
      sort: formatRosterSort(d.sort),
      label: one(search.label),
      item: one(search.item),
    };
    for (const [k, v] of Object.entries({ ...current, ...changes })) if (v) q.set(k, v);
    return `${base}/review?${q.toString()}`;
  };
  if (!exercise) {
    return (
      <article className="review">
        <h1>{`Review: ${d.lessonTitle}`}</h1>
        <p>This lesson has no labeling exercises.</p>
      </article>
    );
  }
  const heatmap = await getHeatmap(actor, assignmentId, exercise.exerciseId);
  if (!heatmap.ok) notFound();
  const h = heatmap.value;
  const disputes = await getDisputes(actor, assignmentId, exercise.exerciseId);
  if (!disputes.ok) notFound();
  const dis = disputes.value;
  const wantedLabel = one(search.label);
  const shadeLabel = LABELS.includes(wantedLabel as Label)
    ? (wantedLabel as Label)
    : exercise.labels.length === 1
      ? (exercise.labels[0] as Label)
      : null;
  const submitted = exercise.counts.submitted + exercise.counts.late;
  const span = (g: { label: Label; start: number; end: number }) => ({ label: g.label, start: g.start, end: g.end });
  return (
    <article className="review">
      <p className="review-context">{`${d.className} · ${d.lessonTitle}`}</p>
      <h1>Answer review</h1>
      <p className="print-hide">
        {d.guide && (
          <>
            <a href={`/lessons/${d.lessonSlug}/key`}>Teacher’s guide: {d.lessonTitle}</a> ·{' '}
          </>
        )}
        <a href={`${base}/grades`}>Written answers and grades</a> ·{' '}
        <a href={`/instructor/classes/${d.classId}/key/${exercise.exerciseId}`}>Edit this class’s key</a>
      </p>
      <p className="print-hide">
        Export: <a href={`${base}/export/scores.csv?exercise=${exercise.exerciseId}`}>scores (CSV)</a> ·{' '}
        <a href={`${base}/export/labels.json`}>all labels (JSON)</a>
      </p>
      {d.exercises.length > 1 && (
        <nav aria-label="Exercises" className="exercise-tabs print-hide">
          <ul>
            {d.exercises.map((e, i) => (
              <li key={e.exerciseId}>
                <Link
                  href={query({ exercise: e.exerciseId, item: null })}
                  aria-current={e === exercise ? 'page' : undefined}
                >
                  {`Exercise ${i + 1}`}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <p className="exercise-instructions">{exercise.instructions}</p>

      <section aria-labelledby="roster-title">
        <h2 id="roster-title">Roster</h2>
        <p>
          {(Object.keys(STATUS_NAMES) as WorkStatus[])
            .map((s) => `${STATUS_NAMES[s]}: ${exercise.counts[s]}`)
            .join(' · ')}
          {exercise.classItems > 0 &&
            ` · This class’s key adds ${exercise.classItems} ${exercise.classItems === 1 ? 'item' : 'items'} to the file key.`}
        </p>
        <RosterTable
          rows={exercise.rows}
          labels={exercise.labels}
          sort={d.sort}
          hrefFor={(sort) => query({ sort })}
          studentHref={(id) => `${base}/students/${id}`}
        />
      </section>

      <section aria-labelledby="averages-title">
        <h2 id="averages-title">Class averages</h2>
        <FiguresGlossary />
        <ClassAverages averages={exercise.averages} labels={exercise.labels} />
      </section>

      <section aria-labelledby="distribution-title">
        <h2 id="distribution-title">Score distribution</h2>
        <DistributionChart distribution={exercise.distribution} labels={exercise.labels} />
      </section>

      <section aria-labelledby="heatmap-title">
        <h2 id="heatmap-title">What the class labeled</h2>
        <HeatmapView
          text={h.text}
          stretches={h.stretches}
          keyItems={h.keyItems}
          submitted={submitted}
          label={shadeLabel}
          labels={exercise.labels}
          labelHref={(l) => query({ label: l ?? 'any' })}
          // The query changes when the class key or the submissions do, so the browser fetches again.
          detailSrc={`${base}/review/heatmap/${exercise.exerciseId}?v=${exercise.classItems}-${submitted}`}
        />
      </section>

      <section aria-labelledby="items-title">
        <h2 id="items-title">Key items</h2>
        {getExercise(exercise.exerciseId)?.exercise.attributes && (
          <p className="attributes-right">
            {`${[...new Set(exercise.labels.map((l) => ATTRIBUTE_OF[l]))].join(', ').replace(/^./, (c) => c.toUpperCase())} right in ${h.attributesRight.right} of ${h.attributesRight.of} found items (student by student).`}
          </p>
        )}
        <KeyItems
          items={h.keyItems}
          mostMissed={h.mostMissed}
          selected={one(search.item) ?? null}
          itemHref={(id) => `${query({ item: id })}#item-detail`}
        />
      </section>

      <section aria-labelledby="disputes-title">
        <h2 id="disputes-title">Items the class disputes</h2>
        <DisputesView
          items={dis.items}
          submitted={dis.submitted}
          labels={exercise.labels}
          agreement={dis.agreement.perLabel}
          overall={dis.agreement.overall}
          editHref={(id) =>
            `/instructor/classes/${dis.classId}/key/${exercise.exerciseId}?item=${encodeURIComponent(id)}`
          }
        />
      </section>

      <section aria-labelledby="extras-title">
        <h2 id="extras-title">Common extras</h2>
        <p>Spans students labeled that overlap nothing in the key, joined where they overlap.</p>
        <ExtrasList
          extras={h.extras}
          acceptFor={(g) => acceptExtraAction.bind(null, assignmentId, exercise.exerciseId, span(g))}
          dismissFor={(g) => dismissExtraAction.bind(null, assignmentId, exercise.exerciseId, span(g))}
        />
      </section>
    </article>
  );
}
