// The pages as a crawler, a link preview or a reader without JavaScript gets them: fetched over
// HTTP with no browser, and parsed without running anything.
import { parseHTML } from 'linkedom';

/** Fetches `url` (following redirects) and parses the HTML: `{ status, url, html, document }`. */
export async function fetchPage(url) {
  const response = await fetch(url);
  const html = await response.text();
  return { status: response.status, url: response.url, html, document: parseHTML(html).document };
}

/** Fetches a file's text: `{ status, type, text }`. */
export async function fetchText(url) {
  const response = await fetch(url);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/** What the page's head says about it. */
export function headOf(document) {
  const meta = (key, name) => document.querySelector(`meta[${key}="${name}"]`)?.getAttribute('content') ?? null;
  const scholar = [...document.querySelectorAll('meta[name^="citation_"]')].map((tag) => [
    tag.getAttribute('name').slice('citation_'.length),
    tag.getAttribute('content'),
  ]);
  const jsonLd = [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent));
  return {
    title: document.querySelector('title')?.textContent ?? null,
    description: meta('name', 'description'),
    robots: meta('name', 'robots'),
    canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
    og: {
      title: meta('property', 'og:title'),
      description: meta('property', 'og:description'),
      type: meta('property', 'og:type'),
      url: meta('property', 'og:url'),
      siteName: meta('property', 'og:site_name'),
      image: meta('property', 'og:image'),
    },
    twitterCard: meta('name', 'twitter:card'),
    feeds: [...document.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]')].map((link) => link.getAttribute('href')),
    scholar,
    jsonLd,
  };
}

/** The text of an element, white space collapsed. */
export function textOf(element) {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
