/** One labelled horizontal bar per row, scaled to the largest value; the figure is also written out for screen readers. */
export function BarList({ label, rows }: { label: string; rows: { name: string; value: number; text: string }[] }) {
  const largest = Math.max(1, ...rows.map((row) => row.value));
  if (rows.length === 0) return <p className="bar-list-empty">Nothing in this period.</p>;
  return (
    <ul className="bar-list" aria-label={label}>
      {rows.map((row) => (
        <li key={row.name}>
          <span className="bar-list-name">{row.name}</span>
          <span className="bar-list-track" aria-hidden>
            <span className="bar-list-fill" style={{ width: `${(row.value / largest) * 100}%` }} />
          </span>
          <span className="bar-list-value">{row.text}</span>
        </li>
      ))}
    </ul>
  );
}

/** Jobs finished per day as columns, the days named in the image's label. */
export function DailyColumns({ days }: { days: { day: string; jobs: number }[] }) {
  const busiest = Math.max(1, ...days.map((day) => day.jobs));
  return (
    <div className="bar-chart" role="img" aria-label={`Jobs finished per day: ${days.map((day) => `${day.day} ${day.jobs}`).join(', ') || 'none'}`}>
      {days.map((day) => (
        <div key={day.day} className="bar" style={{ height: `${(day.jobs / busiest) * 100}%` }} title={`${day.day}: ${day.jobs}`} />
      ))}
    </div>
  );
}
