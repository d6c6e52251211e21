import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../../components/use-document-title';

export function NotFoundScreen() {
  useDocumentTitle('Page not found');
  return (
    <main className="sign-in">
      <div className="sign-in__card">
        <h1>Page not found</h1>
        <p>There is no screen at this address.</p>
        <Link to="/">Back to the console</Link>
      </div>
    </main>
  );
}
