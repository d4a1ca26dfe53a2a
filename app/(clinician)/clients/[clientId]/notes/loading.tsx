export default function NotesLoading() {
  return (
    <div role="status" className="flex flex-col gap-4">
      <p className="sr-only">Loading session notes…</p>
      <div aria-hidden="true" className="flex animate-pulse flex-col gap-3">
        <div className="h-7 w-56 rounded bg-stone-200" />
        <div className="h-4 w-96 max-w-full rounded bg-stone-100" />
        <div className="h-40 w-full rounded-lg bg-stone-100" />
      </div>
    </div>
  );
}
