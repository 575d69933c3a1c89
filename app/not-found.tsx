import { NotFoundMessage } from "./(public)/_components/not-found-message";

/** Addresses that match no page at all: the same calm message, as a page of its own. */
export default function NotFound() {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center px-4">
      <NotFoundMessage />
    </main>
  );
}
