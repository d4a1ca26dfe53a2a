import { Link } from '@/components/ui/link';

export default function ClientNotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4 py-16">
      <h1 className="text-2xl font-semibold">Client not found</h1>
      <p className="text-stone-700">This client does not exist, or is not assigned to you.</p>
      <Link href="/caseload" className="font-medium text-brand-700 underline underline-offset-4">
        Back to your caseload
      </Link>
    </div>
  );
}
