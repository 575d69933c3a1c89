import { NotFoundMessage } from "./_components/not-found-message";

/** Inside the customer pages' frame (which already provides the main landmark). */
export default function PublicNotFound() {
  return <NotFoundMessage />;
}
