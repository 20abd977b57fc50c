/**
 * The token scanner of go-yaml v2 (gopkg.in/yaml.v2 scannerc.go, itself a port of libyaml), which kubectl reads
 * manifests with. Ported rule for rule because agreeing on which files are readable, and where they fail, needs the
 * same decisions (simple keys, indentation, tabs, quoted scalars at any column); no other part of Pod Lens decides it.
 */
import { hexValue, isAlpha, isBlank, isBlankZ, isBreak, isBreakZ, isDigit, isHex } from './chars';

/** A position: `index` and `column` count characters as go-yaml does (code points), `offset` is the UTF-16 offset. */
export interface Mark {
  index: number;
  line: number;
  column: number;
  offset: number;
}

export type TokenType =
  | 'stream-start' | 'stream-end' | 'version-directive' | 'tag-directive' | 'document-start' | 'document-end'
  | 'block-sequence-start' | 'block-mapping-start' | 'block-end' | 'flow-sequence-start' | 'flow-sequence-end'
  | 'flow-mapping-start' | 'flow-mapping-end' | 'block-entry' | 'flow-entry' | 'key' | 'value' | 'alias' | 'anchor'
  | 'tag' | 'scalar';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

export interface Token {
  type: TokenType;
  start: Mark;
  end: Mark;
  /** Scalar text, anchor or alias name, tag handle, %TAG handle. */
  value?: string;
  style?: ScalarStyle;
  /** Tag suffix, or %TAG prefix. */
  suffix?: string;
  major?: number;
  minor?: number;
}

/** A failure as go-yaml records it: the problem, where, and the context (for the message's line number). */
export class YamlProblem extends Error {
  constructor(
    readonly kind: 'scanner' | 'parser' | 'decoder',
    readonly problem: string,
    readonly problemMark: Mark | undefined,
    readonly contextMark?: Mark,
  ) {
    super(problem);
  }
}

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

/** scannerc.go max_flow_level and max_indents. */
const MAX_DEPTH = 10000;
const END = -1;

export class Scanner {
  private pos = 0;
  private index = 0;
  private line = 0;
  private column = 0;
  private readonly tokens: Token[] = [];
  private head = 0;
  private tokensParsed = 0;
  private tokenAvailable = false;
  private streamStartProduced = false;
  private streamEndProduced = false;
  private indent = -1;
  private readonly indents: number[] = [];
  private simpleKeyAllowed = false;
  private readonly simpleKeys: SimpleKey[] = [];
  private readonly simpleKeysByToken = new Map<number, number>();
  private flowLevel = 0;
  /** Work done so far (characters and tokens), read by the caller's budget. */
  steps = 0;

  constructor(private readonly text: string) {
    // readerc.go determine_encoding: a UTF-8 byte order mark at the very start is not part of the stream.
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  /** The furthest place the scanner has read (for deciding which of two failures go-yaml would meet first). */
  get offset(): number {
    return this.pos;
  }

  // ---- reading -------------------------------------------------------------------------------------------------

  private at(k = 0): number {
    const p = this.pos + k;
    return p < this.text.length ? this.text.charCodeAt(p) : END;
  }

  private mark(): Mark {
    return { index: this.index, line: this.line, column: this.column, offset: this.pos };
  }

  private width(): number {
    const c = this.text.charCodeAt(this.pos);
    return c >= 0xd800 && c <= 0xdbff && (this.text.charCodeAt(this.pos + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }

  private skip(): void {
    this.pos += this.width();
    this.index++;
    this.column++;
  }

  private skipLine(): void {
    const c = this.at();
    if (c === 0x0d && this.at(1) === 0x0a) {
      this.pos += 2;
      this.index += 2;
    } else if (isBreak(c)) {
      this.pos++;
      this.index++;
    } else return;
    this.column = 0;
    this.line++;
  }

  /** The current character, consumed. */
  private read(): string {
    const w = this.width();
    const s = this.text.slice(this.pos, this.pos + w);
    this.pos += w;
    this.index++;
    this.column++;
    return s;
  }

  /** A line break, consumed and normalised as scannerc.go read_line does (CR LF, CR, NEL → "\n"; LS and PS kept). */
  private readLine(): string {
    const c = this.at();
    let s: string;
    if (c === 0x0d && this.at(1) === 0x0a) {
      this.pos += 2;
      this.index++;
      s = '\n';
    } else if (c === 0x0d || c === 0x0a || c === 0x85) {
      this.pos++;
      s = '\n';
    } else if (c === 0x2028 || c === 0x2029) {
      this.pos++;
      s = String.fromCharCode(c);
    } else return '';
    this.index++;
    this.column = 0;
    this.line++;
    return s;
  }

  private fail(context: string, contextMark: Mark, problem: string): never {
    void context;
    throw new YamlProblem('scanner', problem, this.mark(), contextMark);
  }

  // ---- the token queue -----------------------------------------------------------------------------------------

  /** The next token without consuming it (parserc.go peek_token). */
  peek(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    return this.tokens[this.head]!;
  }

  /** Consumes the peeked token (parserc.go skip_token). */
  skipToken(): void {
    this.tokenAvailable = false;
    this.tokensParsed++;
    this.streamEndProduced = this.tokens[this.head]!.type === 'stream-end';
    this.head++;
    // Keep the queue short on long streams.
    if (this.head > 1024 && this.head * 2 > this.tokens.length) {
      this.tokens.splice(0, this.head);
      this.head = 0;
    }
  }

  get isStreamEndProduced(): boolean {
    return this.streamEndProduced;
  }

  private insertToken(at: number, token: Token): void {
    this.steps++;
    if (at < 0) this.tokens.push(token);
    else this.tokens.splice(this.head + at, 0, token);
  }

  private fetchMoreTokens(): void {
    for (;;) {
      if (this.head !== this.tokens.length) {
        // Fetch on while the head token may still turn out to be a simple key.
        const keyIndex = this.simpleKeysByToken.get(this.tokensParsed);
        if (keyIndex === undefined || !this.isSimpleKeyValid(this.simpleKeys[keyIndex]!)) break;
      }
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  private fetchNextToken(): void {
    if (!this.streamStartProduced) return this.fetchStreamStart();
    this.scanToNextToken();
    this.unrollIndent(this.column);
    const c = this.at();
    if (c === END) return this.fetchStreamEnd();
    if (this.column === 0 && c === 0x25 /* % */) return this.fetchDirective();
    const c1 = this.at(1);
    const c2 = this.at(2);
    if (this.column === 0 && c === 0x2d && c1 === 0x2d && c2 === 0x2d && isBlankZ(this.at(3))) {
      return this.fetchDocumentIndicator('document-start');
    }
    if (this.column === 0 && c === 0x2e && c1 === 0x2e && c2 === 0x2e && isBlankZ(this.at(3))) {
      return this.fetchDocumentIndicator('document-end');
    }
    switch (c) {
      case 0x5b: return this.fetchFlowCollectionStart('flow-sequence-start');
      case 0x7b: return this.fetchFlowCollectionStart('flow-mapping-start');
      case 0x5d: return this.fetchFlowCollectionEnd('flow-sequence-end');
      case 0x7d: return this.fetchFlowCollectionEnd('flow-mapping-end');
      case 0x2c: return this.fetchFlowEntry();
    }
    if (c === 0x2d && isBlankZ(c1)) return this.fetchBlockEntry();
    if (c === 0x3f && (this.flowLevel > 0 || isBlankZ(c1))) return this.fetchKey();
    if (c === 0x3a && (this.flowLevel > 0 || isBlankZ(c1))) return this.fetchValue();
    switch (c) {
      case 0x2a: return this.fetchAnchor('alias');
      case 0x26: return this.fetchAnchor('anchor');
      case 0x21: return this.fetchTag();
      case 0x7c: if (this.flowLevel === 0) return this.fetchBlockScalar(true); break;
      case 0x3e: if (this.flowLevel === 0) return this.fetchBlockScalar(false); break;
      case 0x27: return this.fetchFlowScalar(true);
      case 0x22: return this.fetchFlowScalar(false);
    }
    // A plain scalar starts with anything but an indicator; `-`, `?` and `:` start one when a non-blank follows.
    const isIndicator = isBlankZ(c) || '-?:,[]{}#&*!|>\'"%@`'.includes(String.fromCharCode(c));
    if (!isIndicator || (c === 0x2d && !isBlank(c1)) || (this.flowLevel === 0 && (c === 0x3f || c === 0x3a) && !isBlankZ(c1))) {
      return this.fetchPlainScalar();
    }
    this.fail('while scanning for the next token', this.mark(), 'found character that cannot start any token');
  }

  // ---- simple keys and indentation -----------------------------------------------------------------------------

  private isSimpleKeyValid(key: SimpleKey): boolean {
    if (!key.possible) return false;
    // A simple key is one line and at most 1024 characters long.
    if (key.mark.line < this.line || key.mark.index + 1024 < this.index) {
      if (key.required) throw new YamlProblem('scanner', "could not find expected ':'", this.mark(), key.mark);
      key.possible = false;
      return false;
    }
    return true;
  }

  private saveSimpleKey(): void {
    // A simple key is required at the current indentation of a block collection.
    const required = this.flowLevel === 0 && this.indent === this.column;
    if (!this.simpleKeyAllowed) return;
    const key: SimpleKey = { possible: true, required, tokenNumber: this.tokensParsed + (this.tokens.length - this.head), mark: this.mark() };
    this.removeSimpleKey();
    this.simpleKeys[this.simpleKeys.length - 1] = key;
    this.simpleKeysByToken.set(key.tokenNumber, this.simpleKeys.length - 1);
  }

  private removeSimpleKey(): void {
    const i = this.simpleKeys.length - 1;
    const key = this.simpleKeys[i]!;
    if (key.possible) {
      if (key.required) throw new YamlProblem('scanner', "could not find expected ':'", this.mark(), key.mark);
      key.possible = false;
      this.simpleKeysByToken.delete(key.tokenNumber);
    }
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: this.tokensParsed + (this.tokens.length - this.head), mark: this.mark() });
    this.flowLevel++;
    if (this.flowLevel > MAX_DEPTH) {
      this.fail('while increasing flow level', this.simpleKeys[this.simpleKeys.length - 1]!.mark, `exceeded max depth of ${MAX_DEPTH}`);
    }
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      const key = this.simpleKeys.pop()!;
      this.simpleKeysByToken.delete(key.tokenNumber);
    }
  }

  private rollIndent(column: number, number: number, type: TokenType, mark: Mark): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      if (this.indents.length > MAX_DEPTH) {
        this.fail('while increasing indent level', this.simpleKeys[this.simpleKeys.length - 1]!.mark, `exceeded max depth of ${MAX_DEPTH}`);
      }
      this.insertToken(number > -1 ? number - this.tokensParsed : -1, { type, start: mark, end: mark });
    }
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      const m = this.mark();
      this.insertToken(-1, { type: 'block-end', start: m, end: m });
      this.indent = this.indents.pop()!;
    }
  }

  // ---- fetchers ------------------------------------------------------------------------------------------------

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.mark() });
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    const m = this.mark();
    this.insertToken(-1, { type: 'stream-start', start: m, end: m });
  }

  private fetchStreamEnd(): void {
    // The stream ends on a line of its own.
    if (this.column !== 0) {
      this.column = 0;
      this.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const m = this.mark();
    this.insertToken(-1, { type: 'stream-end', start: m, end: m });
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanDirective());
  }

  private fetchDocumentIndicator(type: TokenType): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.mark();
    this.skip();
    this.skip();
    this.skip();
    this.insertToken(-1, { type, start, end: this.mark() });
  }

  private fetchFlowCollectionStart(type: TokenType): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    this.punctuation(type);
  }

  private fetchFlowCollectionEnd(type: TokenType): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    this.punctuation(type);
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.punctuation('flow-entry');
  }

  private punctuation(type: TokenType): void {
    const start = this.mark();
    this.skip();
    this.insertToken(-1, { type, start, end: this.mark() });
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.fail('', this.mark(), 'block sequence entries are not allowed in this context');
      this.rollIndent(this.column, -1, 'block-sequence-start', this.mark());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.punctuation('block-entry');
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.fail('', this.mark(), 'mapping keys are not allowed in this context');
      this.rollIndent(this.column, -1, 'block-mapping-start', this.mark());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    this.punctuation('key');
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (this.isSimpleKeyValid(key)) {
      // The saved simple key becomes a KEY token inserted before it (and a BLOCK-MAPPING-START when it opens one).
      this.insertToken(key.tokenNumber - this.tokensParsed, { type: 'key', start: key.mark, end: key.mark });
      this.rollIndent(key.mark.column, key.tokenNumber, 'block-mapping-start', key.mark);
      key.possible = false;
      this.simpleKeysByToken.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.fail('', this.mark(), 'mapping values are not allowed in this context');
        this.rollIndent(this.column, -1, 'block-mapping-start', this.mark());
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    this.punctuation('value');
  }

  private fetchAnchor(type: 'alias' | 'anchor'): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanAnchor(type));
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanTag());
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.insertToken(-1, this.scanBlockScalar(literal));
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanFlowScalar(single));
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanPlainScalar());
  }

  /** Skips white space, comments and line breaks; a tab only where no simple key may start (scan_to_next_token). */
  private scanToNextToken(): void {
    for (;;) {
      if (this.column === 0 && this.at() === 0xfeff) this.skip();
      for (;;) {
        const c = this.at();
        if (c === 0x20 || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && c === 0x09)) this.skip();
        else break;
      }
      if (this.at() === 0x23) while (!isBreakZ(this.at())) this.skip();
      if (!isBreak(this.at())) return;
      this.skipLine();
      if (this.flowLevel === 0) this.simpleKeyAllowed = true;
    }
  }

  // ---- scanners ------------------------------------------------------------------------------------------------

  private scanDirective(): Token {
    const start = this.mark();
    this.skip();
    let name = '';
    while (isAlpha(this.at())) name += this.read();
    if (name === '') this.fail('while scanning a directive', start, 'could not find expected directive name');
    if (!isBlankZ(this.at())) this.fail('while scanning a directive', start, 'found unexpected non-alphabetical character');
    let token: Token;
    if (name === 'YAML') {
      while (isBlank(this.at())) this.skip();
      const major = this.scanVersionNumber(start);
      if (this.at() !== 0x2e) this.fail('while scanning a %YAML directive', start, "did not find expected digit or '.' character");
      this.skip();
      const minor = this.scanVersionNumber(start);
      token = { type: 'version-directive', start, end: this.mark(), major, minor };
    } else if (name === 'TAG') {
      while (isBlank(this.at())) this.skip();
      const handle = this.scanTagHandle(true, start);
      if (!isBlank(this.at())) this.fail('while scanning a %TAG directive', start, 'did not find expected whitespace');
      while (isBlank(this.at())) this.skip();
      const prefix = this.scanTagUri(true, '', start);
      if (!isBlankZ(this.at())) this.fail('while scanning a %TAG directive', start, 'did not find expected whitespace or line break');
      token = { type: 'tag-directive', start, end: this.mark(), value: handle, suffix: prefix };
    } else {
      this.fail('while scanning a directive', start, 'found unknown directive name');
    }
    while (isBlank(this.at())) this.skip();
    if (this.at() === 0x23) while (!isBreakZ(this.at())) this.skip();
    if (!isBreakZ(this.at())) this.fail('while scanning a directive', start, 'did not find expected comment or line break');
    if (isBreak(this.at())) this.skipLine();
    return token;
  }

  private scanVersionNumber(start: Mark): number {
    let value = 0;
    let length = 0;
    while (isDigit(this.at())) {
      if (++length > 2) this.fail('while scanning a %YAML directive', start, 'found extremely long version number');
      value = value * 10 + (this.at() - 0x30);
      this.skip();
    }
    if (length === 0) this.fail('while scanning a %YAML directive', start, 'did not find expected version number');
    return value;
  }

  private scanAnchor(type: 'alias' | 'anchor'): Token {
    const start = this.mark();
    this.skip();
    let name = '';
    while (isAlpha(this.at())) name += this.read();
    const end = this.mark();
    const c = this.at();
    if (name === '' || !(isBlankZ(c) || '?:,]}%@`'.includes(String.fromCharCode(c)))) {
      this.fail(type === 'anchor' ? 'while scanning an anchor' : 'while scanning an alias', start, 'did not find expected alphabetic or numeric character');
    }
    return { type, start, end, value: name };
  }

  private scanTag(): Token {
    const start = this.mark();
    let handle: string;
    let suffix: string;
    if (this.at(1) === 0x3c /* < */) {
      // Verbatim: !<uri>
      this.skip();
      this.skip();
      handle = '';
      suffix = this.scanTagUri(false, '', start);
      if (this.at() !== 0x3e) this.fail('while scanning a tag', start, "did not find the expected '>'");
      this.skip();
    } else {
      handle = this.scanTagHandle(false, start);
      if (handle.length > 1 && handle.startsWith('!') && handle.endsWith('!')) {
        suffix = this.scanTagUri(false, '', start);
      } else {
        // `!foo` is the primary handle `!` with suffix `foo`; a lone `!` is the non-specific tag.
        suffix = this.scanTagUri(false, handle, start);
        handle = '!';
        if (suffix === '') [handle, suffix] = [suffix, handle];
      }
    }
    if (!isBlankZ(this.at())) this.fail('while scanning a tag', start, 'did not find expected whitespace or line break');
    return { type: 'tag', start, end: this.mark(), value: handle, suffix };
  }

  private scanTagHandle(directive: boolean, start: Mark): string {
    const context = directive ? 'while parsing a %TAG directive' : 'while parsing a tag';
    if (this.at() !== 0x21) this.fail(context, start, "did not find expected '!'");
    let s = this.read();
    while (isAlpha(this.at())) s += this.read();
    if (this.at() === 0x21) s += this.read();
    else if (directive && s !== '!') this.fail(context, start, "did not find expected '!'");
    return s;
  }

  private scanTagUri(directive: boolean, head: string, start: Mark): string {
    const context = directive ? 'while parsing a %TAG directive' : 'while parsing a tag';
    let s = head.length > 1 ? head.slice(1) : '';
    let hasTag = head.length > 0;
    for (;;) {
      const c = this.at();
      if (!(isAlpha(c) || ";/?:@&=+$,.!~*'()[]%".includes(String.fromCharCode(c))) || c === END) break;
      if (c === 0x25) s += this.scanUriEscapes(context, start);
      else s += this.read();
      hasTag = true;
    }
    if (!hasTag) this.fail(context, start, 'did not find expected tag URI');
    return s;
  }

  /** `%xx` escapes of one UTF-8 character. */
  private scanUriEscapes(context: string, start: Mark): string {
    const bytes: number[] = [];
    let w = 1024;
    while (w > 0) {
      if (!(this.at() === 0x25 && isHex(this.at(1)) && isHex(this.at(2)))) this.fail(context, start, 'did not find URI escaped octet');
      const octet = (hexValue(this.at(1)) << 4) + hexValue(this.at(2));
      if (w === 1024) {
        w = (octet & 0x80) === 0 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
        if (w === 0) this.fail(context, start, 'found an incorrect leading UTF-8 octet');
      } else if ((octet & 0xc0) !== 0x80) this.fail(context, start, 'found an incorrect trailing UTF-8 octet');
      bytes.push(octet);
      this.skip();
      this.skip();
      this.skip();
      w--;
    }
    // Go appends the raw octets; invalid UTF-8 later becomes U+FFFD, as TextDecoder does.
    return new TextDecoder().decode(Uint8Array.from(bytes));
  }

  private scanBlockScalar(literal: boolean): Token {
    const start = this.mark();
    this.skip();
    let chomping = 0;
    let increment = 0;
    const c = this.at();
    if (c === 0x2b || c === 0x2d) {
      chomping = c === 0x2b ? 1 : -1;
      this.skip();
      if (isDigit(this.at())) {
        if (this.at() === 0x30) this.fail('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
        increment = this.at() - 0x30;
        this.skip();
      }
    } else if (isDigit(c)) {
      if (c === 0x30) this.fail('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
      increment = c - 0x30;
      this.skip();
      const d = this.at();
      if (d === 0x2b || d === 0x2d) {
        chomping = d === 0x2b ? 1 : -1;
        this.skip();
      }
    }
    while (isBlank(this.at())) this.skip();
    if (this.at() === 0x23) while (!isBreakZ(this.at())) this.skip();
    if (!isBreakZ(this.at())) this.fail('while scanning a block scalar', start, 'did not find expected comment or line break');
    if (isBreak(this.at())) this.skipLine();
    const endMark = { value: this.mark() };
    let indent = increment > 0 ? (this.indent >= 0 ? this.indent + increment : increment) : 0;
    let s = '';
    let leadingBreak = '';
    const breaks = { value: '' };
    indent = this.scanBlockScalarBreaks(indent, breaks, start, endMark);
    let leadingBlank = false;
    while (this.column === indent && this.at() !== END) {
      this.steps++;
      const trailingBlank = isBlank(this.at());
      // Folding: a single line break between two non-indented lines becomes a space.
      if (!literal && !leadingBlank && !trailingBlank && leadingBreak.startsWith('\n')) {
        if (breaks.value.length === 0) s += ' ';
      } else s += leadingBreak;
      leadingBreak = '';
      s += breaks.value;
      breaks.value = '';
      leadingBlank = isBlank(this.at());
      const from = this.pos;
      while (!isBreakZ(this.at())) this.skip();
      s += this.text.slice(from, this.pos);
      leadingBreak = this.readLine();
      indent = this.scanBlockScalarBreaks(indent, breaks, start, endMark);
    }
    if (chomping !== -1) s += leadingBreak;
    if (chomping === 1) s += breaks.value;
    return { type: 'scalar', start, end: endMark.value, value: s, style: literal ? 'literal' : 'folded' };
  }

  /** Empty lines of a block scalar; detects its indentation when not given. Returns the indentation. */
  private scanBlockScalarBreaks(indent: number, breaks: { value: string }, start: Mark, end: { value: Mark }): number {
    end.value = this.mark();
    let maxIndent = 0;
    for (;;) {
      while ((indent === 0 || this.column < indent) && this.at() === 0x20) this.skip();
      if (this.column > maxIndent) maxIndent = this.column;
      if ((indent === 0 || this.column < indent) && this.at() === 0x09) {
        this.fail('while scanning a block scalar', start, 'found a tab character where an indentation space is expected');
      }
      if (!isBreak(this.at())) break;
      breaks.value += this.readLine();
      end.value = this.mark();
    }
    if (indent === 0) {
      indent = Math.max(maxIndent, this.indent + 1, 1);
    }
    return indent;
  }

  private scanFlowScalar(single: boolean): Token {
    const start = this.mark();
    this.skip();
    let s = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    let whitespaces = '';
    for (;;) {
      this.steps++;
      // A document marker cannot stand inside a quoted scalar; nothing else limits its continuation lines.
      if (this.column === 0 && ((this.at() === 0x2d && this.at(1) === 0x2d && this.at(2) === 0x2d) || (this.at() === 0x2e && this.at(1) === 0x2e && this.at(2) === 0x2e)) && isBlankZ(this.at(3))) {
        this.fail('while scanning a quoted scalar', start, 'found unexpected document indicator');
      }
      if (this.at() === END) this.fail('while scanning a quoted scalar', start, 'found unexpected end of stream');
      let leadingBlanks = false;
      while (!isBlankZ(this.at())) {
        const c = this.at();
        if (single && c === 0x27 && this.at(1) === 0x27) {
          s += "'";
          this.skip();
          this.skip();
        } else if (single ? c === 0x27 : c === 0x22) {
          break;
        } else if (!single && c === 0x5c && isBreak(this.at(1))) {
          this.skip();
          this.skipLine();
          leadingBlanks = true;
          break;
        } else if (!single && c === 0x5c) {
          s += this.scanEscape(start);
        } else {
          // A run of characters that need no attention, copied at once.
          const from = this.pos;
          this.skip();
          for (let d = this.at(); d !== END && !isBlank(d) && !isBreak(d) && d !== 0x27 && d !== 0x22 && d !== 0x5c; d = this.at()) this.skip();
          s += this.text.slice(from, this.pos);
        }
      }
      if (this.at() === (single ? 0x27 : 0x22)) break;
      while (isBlank(this.at()) || isBreak(this.at())) {
        if (isBlank(this.at())) {
          if (!leadingBlanks) whitespaces += this.read();
          else this.skip();
        } else if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = this.readLine();
          leadingBlanks = true;
        } else trailingBreaks += this.readLine();
      }
      if (leadingBlanks) {
        if (leadingBreak.startsWith('\n')) s += trailingBreaks.length === 0 ? ' ' : trailingBreaks;
        else s += leadingBreak + trailingBreaks;
        trailingBreaks = '';
        leadingBreak = '';
      } else {
        s += whitespaces;
        whitespaces = '';
      }
    }
    this.skip();
    return { type: 'scalar', start, end: this.mark(), value: s, style: single ? 'single' : 'double' };
  }

  private scanEscape(start: Mark): string {
    const simple: Record<string, string> = {
      '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ',
      '"': '"', "'": "'", '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
    };
    const e = String.fromCharCode(this.at(1));
    const length = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    const plain = simple[e];
    if (length === 0 && (plain === undefined || this.at(1) === END)) {
      this.fail('while parsing a quoted scalar', start, 'found unknown escape character');
    }
    this.skip();
    this.skip();
    if (length === 0) return plain!;
    let value = 0;
    for (let k = 0; k < length; k++) {
      if (!isHex(this.at(k))) this.fail('while parsing a quoted scalar', start, 'did not find expected hexdecimal number');
      value = value * 16 + hexValue(this.at(k));
    }
    if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
      this.fail('while parsing a quoted scalar', start, 'found invalid Unicode character escape code');
    }
    for (let k = 0; k < length; k++) this.skip();
    return String.fromCodePoint(value);
  }

  /** Skips characters that can neither end a plain scalar nor need a look at the next one (one tight loop). */
  private skipPlainRun(): void {
    const t = this.text;
    const inFlow = this.flowLevel > 0;
    let p = this.pos;
    let n = 0;
    while (p < t.length) {
      const c = t.charCodeAt(p);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3a || c === 0x85 || c === 0x2028 || c === 0x2029) break;
      if (inFlow && (c === 0x2c || c === 0x3f || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d)) break;
      p += c >= 0xd800 && c <= 0xdbff && (t.charCodeAt(p + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      n++;
    }
    this.pos = p;
    this.index += n;
    this.column += n;
  }

  private scanPlainScalar(): Token {
    let s = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    let whitespaces = '';
    let leadingBlanks = false;
    // Continuation lines of a plain scalar must be indented past the enclosing block.
    const indent = this.indent + 1;
    const start = this.mark();
    let end = this.mark();
    for (;;) {
      this.steps++;
      if (this.column === 0 && ((this.at() === 0x2d && this.at(1) === 0x2d && this.at(2) === 0x2d) || (this.at() === 0x2e && this.at(1) === 0x2e && this.at(2) === 0x2e)) && isBlankZ(this.at(3))) break;
      if (this.at() === 0x23) break;
      while (!isBlankZ(this.at())) {
        const c = this.at();
        if ((c === 0x3a && isBlankZ(this.at(1))) || (this.flowLevel > 0 && (c === 0x2c || c === 0x3f || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d))) break;
        if (leadingBlanks || whitespaces.length > 0) {
          if (leadingBlanks) {
            if (leadingBreak.startsWith('\n')) s += trailingBreaks.length === 0 ? ' ' : trailingBreaks;
            else s += leadingBreak + trailingBreaks;
            trailingBreaks = '';
            leadingBreak = '';
            leadingBlanks = false;
          } else {
            s += whitespaces;
            whitespaces = '';
          }
        }
        // Copy a run of ordinary characters at once (a 1 MB scalar must not cost a million concatenations).
        const from = this.pos;
        this.skip();
        this.skipPlainRun();
        s += this.text.slice(from, this.pos);
        end = this.mark();
      }
      if (!(isBlank(this.at()) || isBreak(this.at()))) break;
      while (isBlank(this.at()) || isBreak(this.at())) {
        if (isBlank(this.at())) {
          if (leadingBlanks && this.column < indent && this.at() === 0x09) {
            this.fail('while scanning a plain scalar', start, 'found a tab character that violates indentation');
          }
          if (!leadingBlanks) whitespaces += this.read();
          else this.skip();
        } else if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = this.readLine();
          leadingBlanks = true;
        } else trailingBreaks += this.readLine();
      }
      if (this.flowLevel === 0 && this.column < indent) break;
    }
    if (leadingBlanks) this.simpleKeyAllowed = true;
    return { type: 'scalar', start, end, value: s, style: 'plain' };
  }
}
