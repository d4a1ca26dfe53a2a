import Form from 'next/form';
import { Link } from '@/components/ui/link';
import { secondaryButton } from '@/components/ui/button-styles';
import { SelectField, TextField } from '@/components/ui/field';
import { CASELOAD_PAGE_SIZE, caseloadPageSizes, hasCaseloadFilters, type CaseloadQuery } from '@/lib/validation/caseload';

const flags = [
  { name: 'urgent', label: 'Urgent alert' },
  { name: 'signals', label: 'New signals' },
  { name: 'overdue', label: 'Questionnaire overdue' },
  { name: 'notLogging', label: 'Not logging' },
] as const;

const sortOptions = [
  { value: 'attention', label: 'Needs attention first' },
  { value: 'name', label: 'Name' },
  { value: 'lastCheckIn', label: 'Last check-in' },
  { value: 'mood', label: 'Mood, 7 days' },
  { value: 'phq9', label: 'PHQ-9' },
  { value: 'gad7', label: 'GAD-7' },
  { value: 'signals', label: 'New signals' },
  { value: 'alerts', label: 'Urgent alerts' },
] as const;

/** Search, filters and order as a GET form (navigating in the app): every view is a URL to bookmark or go back to. */
export function CaseloadFilters({ query }: { query: CaseloadQuery }) {
  return (
    <Form action="/caseload" role="search" aria-label="Filter your caseload" className="mb-4 flex flex-wrap items-end gap-x-4 gap-y-3">
      <TextField name="q" label="Search by name" type="search" defaultValue={query.q ?? ''} placeholder="Client name" />
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium">Show only</legend>
        <div className="flex flex-wrap gap-x-3 gap-y-1 py-2">
          {flags.map((f) => (
            <label key={f.name} className="inline-flex items-center gap-1.5 text-sm">
              <input type="checkbox" name={f.name} value="1" defaultChecked={query[f.name] === '1'} className="h-4 w-4 accent-brand-700" />
              {f.label}
            </label>
          ))}
        </div>
      </fieldset>
      <SelectField name="band" label="PHQ-9 band" defaultValue={query.band ?? ''}>
        <option value="">Any band</option>
        <option value="minimal">Minimal</option>
        <option value="mild">Mild</option>
        <option value="moderate">Moderate</option>
        <option value="moderately_severe">Moderately severe</option>
        <option value="severe">Severe</option>
      </SelectField>
      <SelectField name="sort" label="Order" defaultValue={query.sort}>
        {sortOptions.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <SelectField name="size" label="Rows per page" defaultValue={query.size === CASELOAD_PAGE_SIZE ? '' : String(query.size)}>
        {caseloadPageSizes.map((n) => (
          <option key={n} value={n === CASELOAD_PAGE_SIZE ? '' : String(n)}>
            {n}
          </option>
        ))}
      </SelectField>
      {query.dir === 'desc' && <input type="hidden" name="dir" value="desc" />}
      <div className="flex items-center gap-3">
        <button type="submit" className={secondaryButton}>
          Apply
        </button>
        {hasCaseloadFilters(query) && (
          <Link href="/caseload" className="text-sm font-medium text-brand-800 underline">
            Clear filters
          </Link>
        )}
      </div>
    </Form>
  );
}
