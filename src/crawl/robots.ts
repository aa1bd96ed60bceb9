/**
 * robots.txt (RFC 9309): the group for our user agent, or `*`; the longest matching rule decides,
 * Allow winning a tie; `*` matches any characters and a final `$` anchors the end.
 */
export const USER_AGENT_TOKEN = 'nianbao';

interface Rule {
  allow: boolean;
  pattern: string;
  regex: RegExp;
}

export class Robots {
  private constructor(private readonly rules: Rule[]) {}

  static allowAll(): Robots {
    return new Robots([]);
  }

  static parse(text: string, agent = USER_AGENT_TOKEN): Robots {
    const groups: { agents: string[]; rules: Rule[] }[] = [];
    let current: { agents: string[]; rules: Rule[] } | null = null;
    let lastWasAgent = false;
    for (const raw of text.split(/\r?\n/u)) {
      const line = raw.replace(/#.*$/u, '').trim();
      const m = /^([A-Za-z-]+)\s*:\s*(.*)$/u.exec(line);
      if (!m) continue;
      const key = m[1]!.toLowerCase();
      const value = m[2]!.trim();
      if (key === 'user-agent') {
        if (!current || !lastWasAgent) {
          current = { agents: [], rules: [] };
          groups.push(current);
        }
        current.agents.push(value.toLowerCase());
        lastWasAgent = true;
        continue;
      }
      lastWasAgent = false;
      if (!current || (key !== 'allow' && key !== 'disallow')) continue;
      if (key === 'disallow' && value === '') continue; // "Disallow:" allows everything
      current.rules.push({ allow: key === 'allow', pattern: value, regex: toRegex(value) });
    }
    const ours = groups.filter((g) => g.agents.some((a) => a !== '*' && agent.toLowerCase().includes(a)));
    const chosen = ours.length > 0 ? ours : groups.filter((g) => g.agents.includes('*'));
    return new Robots(chosen.flatMap((g) => g.rules));
  }

  allows(pathAndQuery: string): boolean {
    let best: Rule | null = null;
    for (const rule of this.rules) {
      if (!rule.regex.test(pathAndQuery)) continue;
      if (!best || rule.pattern.length > best.pattern.length || (rule.pattern.length === best.pattern.length && rule.allow)) best = rule;
    }
    return best ? best.allow : true;
  }
}

function toRegex(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/gu, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`, 'u');
}
