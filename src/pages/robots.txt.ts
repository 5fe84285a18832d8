import type { APIRoute } from 'astro';
import { robotsTxt } from '../site/page-meta.ts';

/** robots.txt, written at build time; it names the sitemap when SITE_URL is set. */
export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(site, import.meta.env.BASE_URL), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
