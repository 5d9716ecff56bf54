export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        Close Read teaches technique, not verdicts: loaded language and unsupported claims are labeled whichever side
        they come from.
      </p>
    </footer>
  );
}
