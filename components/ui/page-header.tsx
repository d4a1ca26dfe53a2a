import type { ReactNode } from 'react';

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-col gap-1">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {children && <div className="text-stone-700">{children}</div>}
    </div>
  );
}
