/**
 * The small, well-defined KQL subset the emulator's Resource Graph accepts. Anything else is refused with a 400
 * (BadRequest / InvalidQuery) so that a product query outside it is noticed instead of silently mis-answered.
 *
 *   query   := ('resources' | 'Resources') ('|' stage)*
 *   stage   := 'where' cond ('and' cond)*
 *            | 'project' column (',' column)*          column := field | name '=' field
 *            | ('order' | 'sort') 'by' field ['asc' | 'desc'] (',' field ['asc' | 'desc'])*   (KQL default: desc)
 *            | ('limit' | 'take') integer
 *   cond    := field ('==' | '=~' | '!=' | '!~') string
 *            | field ('in' | 'in~' | '!in' | '!in~') '(' string (',' string)* ')'
 *   field   := name ('.' name)* | ('tolower' | 'tostring') '(' field ')'
 *   string  := '...' | "..."
 *
 * The product's queries, e.g.
 *   resources | where type =~ 'microsoft.machinelearningservices/workspaces'
 *   | where subscriptionId in ('s1', 's2') and resourceGroup in~ ('rg-a')
 *   | project id, name, type, kind, location, resourceGroup, subscriptionId, tags, identity, properties
 *   | order by id asc
 * `==`/`in`/`!=`/`!in` compare case-sensitively, `=~`/`in~`/`!~`/`!in~` case-insensitively, as in KQL.
 */

export interface FieldRef {
  path: string[];
  fn?: 'tolower' | 'tostring';
}

export type Condition =
  | { kind: 'compare'; field: FieldRef; op: '==' | '=~' | '!=' | '!~'; value: string }
  | { kind: 'in'; field: FieldRef; op: 'in' | 'in~' | '!in' | '!in~'; values: string[] };

export type Stage =
  | { kind: 'where'; conditions: Condition[] }
  | { kind: 'project'; columns: { name: string; field: FieldRef }[] }
  | { kind: 'order'; keys: { field: FieldRef; desc: boolean }[] }
  | { kind: 'limit'; count: number };

export interface ParsedQuery {
  stages: Stage[];
}

export class KqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KqlError';
  }
}

type Token = { t: 'ident' | 'string' | 'number' | 'op' | 'punct'; v: string; pos: number };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let s = '';
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\' && j + 1 < text.length) {
          s += text[j + 1];
          j += 2;
          continue;
        }
        s += text[j];
        j++;
      }
      if (j >= text.length) throw new KqlError(`Unterminated string literal at position ${i}.`);
      out.push({ t: 'string', v: s, pos: i });
      i = j + 1;
      continue;
    }
    const two = text.slice(i, i + 2);
    const four = text.slice(i, i + 4);
    if (four === '!in~') {
      out.push({ t: 'op', v: '!in~', pos: i });
      i += 4;
      continue;
    }
    if (text.slice(i, i + 3) === '!in' && !/[\w]/.test(text[i + 3] ?? '')) {
      out.push({ t: 'op', v: '!in', pos: i });
      i += 3;
      continue;
    }
    if (['==', '=~', '!=', '!~'].includes(two)) {
      out.push({ t: 'op', v: two, pos: i });
      i += 2;
      continue;
    }
    if ('|(),.='.includes(c)) {
      out.push({ t: 'punct', v: c, pos: i });
      i++;
      continue;
    }
    const ident = /^[A-Za-z_$][\w$]*~?/.exec(text.slice(i));
    if (ident !== null) {
      out.push({ t: 'ident', v: ident[0], pos: i });
      i += ident[0].length;
      continue;
    }
    const num = /^\d+/.exec(text.slice(i));
    if (num !== null) {
      out.push({ t: 'number', v: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    throw new KqlError(`Unexpected character '${c}' at position ${i}.`);
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): ParsedQuery {
    const table = this.next();
    if (table?.t !== 'ident' || table.v.toLowerCase() !== 'resources') throw new KqlError("The query must start with the 'resources' table.");
    const stages: Stage[] = [];
    while (!this.done()) {
      this.expectPunct('|');
      stages.push(this.stage());
    }
    return { stages };
  }

  private stage(): Stage {
    const kw = this.next();
    if (kw?.t !== 'ident') throw new KqlError(`Expected an operator after '|'${kw ? ` at position ${kw.pos}` : ''}.`);
    switch (kw.v.toLowerCase()) {
      case 'where': {
        const conditions = [this.condition()];
        while (this.peekIdent('and')) {
          this.i++;
          conditions.push(this.condition());
        }
        return { kind: 'where', conditions };
      }
      case 'project': {
        const columns: { name: string; field: FieldRef }[] = [];
        do {
          const save = this.i;
          const first = this.next();
          if (first?.t === 'ident' && this.peekPunct('=')) {
            this.i++;
            columns.push({ name: first.v, field: this.field() });
          } else {
            this.i = save;
            const field = this.field();
            columns.push({ name: field.path.join('_'), field });
          }
        } while (this.acceptPunct(','));
        return { kind: 'project', columns };
      }
      case 'order':
      case 'sort': {
        const by = this.next();
        if (by?.t !== 'ident' || by.v.toLowerCase() !== 'by') throw new KqlError(`Expected 'by' after '${kw.v}'.`);
        const keys: { field: FieldRef; desc: boolean }[] = [];
        do {
          const field = this.field();
          let desc = true;
          if (this.peekIdent('asc')) {
            this.i++;
            desc = false;
          } else if (this.peekIdent('desc')) {
            this.i++;
          }
          keys.push({ field, desc });
        } while (this.acceptPunct(','));
        return { kind: 'order', keys };
      }
      case 'limit':
      case 'take': {
        const n = this.next();
        if (n?.t !== 'number') throw new KqlError(`Expected a number after '${kw.v}'.`);
        return { kind: 'limit', count: Number(n.v) };
      }
      default:
        throw new KqlError(`The operator '${kw.v}' is not supported by the emulator (supported: where, project, order by, sort by, limit, take).`);
    }
  }

  private condition(): Condition {
    const field = this.field();
    const op = this.next();
    if (op === undefined) throw new KqlError('Expected an operator in a where clause.');
    if (op.t === 'op' && ['==', '=~', '!=', '!~'].includes(op.v)) {
      return { kind: 'compare', field, op: op.v as '==' | '=~' | '!=' | '!~', value: this.string() };
    }
    const inOp = op.t === 'op' ? op.v : op.t === 'ident' ? op.v.toLowerCase() : '';
    if (['in', 'in~', '!in', '!in~'].includes(inOp)) {
      this.expectPunct('(');
      const values = [this.string()];
      while (this.acceptPunct(',')) values.push(this.string());
      this.expectPunct(')');
      return { kind: 'in', field, op: inOp as 'in' | 'in~' | '!in' | '!in~', values };
    }
    throw new KqlError(`The comparison '${op.v}' is not supported (supported: ==, =~, !=, !~, in, in~, !in, !in~).`);
  }

  private field(): FieldRef {
    const first = this.next();
    if (first?.t !== 'ident') throw new KqlError(`Expected a column name${first ? ` at position ${first.pos}` : ''}.`);
    const lower = first.v.toLowerCase();
    if ((lower === 'tolower' || lower === 'tostring') && this.peekPunct('(')) {
      this.i++;
      const inner = this.field();
      this.expectPunct(')');
      return { path: inner.path, fn: lower };
    }
    const path = [first.v];
    while (this.peekPunct('.')) {
      this.i++;
      const part = this.next();
      if (part?.t !== 'ident') throw new KqlError('Expected a property name after a dot.');
      path.push(part.v);
    }
    return { path };
  }

  private string(): string {
    const t = this.next();
    if (t?.t !== 'string') throw new KqlError(`Expected a string literal${t ? ` at position ${t.pos}` : ''}.`);
    return t.v;
  }

  private next(): Token | undefined {
    return this.tokens[this.i++];
  }

  private done(): boolean {
    return this.i >= this.tokens.length;
  }

  private peekPunct(v: string): boolean {
    const t = this.tokens[this.i];
    return t?.t === 'punct' && t.v === v;
  }

  private peekIdent(v: string): boolean {
    const t = this.tokens[this.i];
    return t?.t === 'ident' && t.v.toLowerCase() === v;
  }

  private acceptPunct(v: string): boolean {
    if (!this.peekPunct(v)) return false;
    this.i++;
    return true;
  }

  private expectPunct(v: string): void {
    const t = this.next();
    if (t?.t !== 'punct' || t.v !== v) throw new KqlError(`Expected '${v}'${t ? ` at position ${t.pos}, found '${t.v}'` : ' at the end of the query'}.`);
  }
}

export function parseKql(text: string): ParsedQuery {
  if (typeof text !== 'string' || text.trim() === '') throw new KqlError('The query is empty.');
  return new Parser(tokenize(text)).parse();
}
