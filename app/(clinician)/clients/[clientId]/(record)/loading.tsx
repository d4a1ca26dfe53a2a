export default function Loading() {
  return (
    <div
      role="status"
      aria-label="Loading the client’s record"
      className="grid animate-pulse gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]"
    >
      <div className="h-96 rounded-lg bg-stone-200" />
      <div className="h-96 rounded-lg bg-stone-200" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}
