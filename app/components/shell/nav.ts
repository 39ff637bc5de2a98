/** The main links and which one is the current page: pure, so a unit test reads it without a browser. */

/** A student's own room page (/room/<code>): not its host console (/room/<code>/host). */
export const isStudentRoom = (p: string) => /^\/room\/[^/]+\/?$/.test(p);

const NAV = [
  { href: '/', key: 'navHome', match: (p: string) => p === '/' },
  { href: '/solo', key: 'navPath', match: (p: string) => p === '/solo' || p.startsWith('/challenges/') },
  { href: '/join', key: 'navJoin', match: (p: string) => p === '/join' || isStudentRoom(p) },
  { href: '/host', key: 'navHost', match: (p: string) => p === '/host' || (p.startsWith('/room/') && p.endsWith('/host')) },
  { href: '/leaderboard', key: 'navLeaderboard', match: (p: string) => p.startsWith('/leaderboard') },
] as const;

/** The links for this page: inside a room a student is not offered the teacher's side. */
export function navItems(pathname: string) {
  return NAV.filter((item) => item.href !== '/host' || !isStudentRoom(pathname));
}
