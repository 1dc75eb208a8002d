import { Link } from 'react-router';

export function NotFound() {
  return (
    <section aria-labelledby="nf">
      <h1 id="nf">Not found</h1>
      <p>
        There is no such page. Go to the <Link to="/">overview</Link>.
      </p>
    </section>
  );
}
