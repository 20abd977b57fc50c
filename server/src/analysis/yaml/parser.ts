/**
 * The event parser of go-yaml v2 (gopkg.in/yaml.v2 parserc.go): the state machine that turns tokens into node events
 * and decides the grammar errors ("did not find expected key", …). Ported state for state, like the scanner.
 */
import { Scanner, YamlProblem, type Mark, type ScalarStyle, type Token } from './scanner';

export type EventType =
  | 'stream-start' | 'stream-end' | 'document-start' | 'document-end' | 'alias' | 'scalar'
  | 'sequence-start' | 'sequence-end' | 'mapping-start' | 'mapping-end';

export interface YamlEvent {
  type: EventType;
  start: Mark;
  end: Mark;
  anchor?: string;
  tag?: string;
  value?: string;
  /** A plain scalar without tag (or with `!`): its type is resolved from its text. */
  implicit?: boolean;
  style?: ScalarStyle;
  /** A flow collection (`[…]`, `{…}`). */
  flow?: boolean;
  /** Where the node's own text starts, after its anchor and tag. */
  contentStart?: Mark;
}

type State =
  | 'stream-start' | 'implicit-document-start' | 'document-start' | 'document-content' | 'document-end'
  | 'block-node' | 'block-node-or-indentless-sequence' | 'flow-node' | 'block-sequence-first-entry'
  | 'block-sequence-entry' | 'indentless-sequence-entry' | 'block-mapping-first-key' | 'block-mapping-key'
  | 'block-mapping-value' | 'flow-sequence-first-entry' | 'flow-sequence-entry' | 'flow-sequence-entry-mapping-key'
  | 'flow-sequence-entry-mapping-value' | 'flow-sequence-entry-mapping-end' | 'flow-mapping-first-key'
  | 'flow-mapping-key' | 'flow-mapping-value' | 'flow-mapping-empty-value' | 'end';

interface TagDirective {
  handle: string;
  prefix: string;
}

const DEFAULT_TAG_DIRECTIVES: TagDirective[] = [
  { handle: '!', prefix: '!' },
  { handle: '!!', prefix: 'tag:yaml.org,2002:' },
];

export class Parser {
  readonly scanner: Scanner;
  private state: State = 'stream-start';
  private readonly states: State[] = [];
  private readonly marks: Mark[] = [];
  private tagDirectives: TagDirective[] = [];

  constructor(text: string) {
    this.scanner = new Scanner(text);
  }

  /** The next event; throws a YamlProblem where go-yaml fails. */
  next(): YamlEvent | undefined {
    if (this.scanner.isStreamEndProduced || this.state === 'end') return undefined;
    return this.dispatch();
  }

  private fail(problem: string, mark: Mark, contextMark?: Mark): never {
    throw new YamlProblem('parser', problem, mark, contextMark);
  }

  private peek(): Token {
    return this.scanner.peek();
  }

  private skip(): void {
    this.scanner.skipToken();
  }

  private pop(): void {
    this.state = this.states.pop()!;
  }

  private dispatch(): YamlEvent {
    switch (this.state) {
      case 'stream-start': return this.streamStart();
      case 'implicit-document-start': return this.documentStart(true);
      case 'document-start': return this.documentStart(false);
      case 'document-content': return this.documentContent();
      case 'document-end': return this.documentEnd();
      case 'block-node': return this.node(true, false);
      case 'block-node-or-indentless-sequence': return this.node(true, true);
      case 'flow-node': return this.node(false, false);
      case 'block-sequence-first-entry': return this.blockSequenceEntry(true);
      case 'block-sequence-entry': return this.blockSequenceEntry(false);
      case 'indentless-sequence-entry': return this.indentlessSequenceEntry();
      case 'block-mapping-first-key': return this.blockMappingKey(true);
      case 'block-mapping-key': return this.blockMappingKey(false);
      case 'block-mapping-value': return this.blockMappingValue();
      case 'flow-sequence-first-entry': return this.flowSequenceEntry(true);
      case 'flow-sequence-entry': return this.flowSequenceEntry(false);
      case 'flow-sequence-entry-mapping-key': return this.flowSequenceEntryMappingKey();
      case 'flow-sequence-entry-mapping-value': return this.flowSequenceEntryMappingValue();
      case 'flow-sequence-entry-mapping-end': return this.flowSequenceEntryMappingEnd();
      case 'flow-mapping-first-key': return this.flowMappingKey(true);
      case 'flow-mapping-key': return this.flowMappingKey(false);
      case 'flow-mapping-value': return this.flowMappingValue(false);
      case 'flow-mapping-empty-value': return this.flowMappingValue(true);
      case 'end': throw new Error('parser already ended');
    }
  }

  private streamStart(): YamlEvent {
    const token = this.peek();
    if (token.type !== 'stream-start') this.fail('did not find expected <stream-start>', token.start);
    this.state = 'implicit-document-start';
    this.skip();
    return { type: 'stream-start', start: token.start, end: token.end };
  }

  private documentStart(implicit: boolean): YamlEvent {
    let token = this.peek();
    if (!implicit) {
      while (token.type === 'document-end') {
        this.skip();
        token = this.peek();
      }
    }
    const isExplicitStart = token.type === 'version-directive' || token.type === 'tag-directive' || token.type === 'document-start';
    if (implicit && !isExplicitStart && token.type !== 'stream-end') {
      this.processDirectives();
      this.states.push('document-end');
      this.state = 'block-node';
      return { type: 'document-start', start: token.start, end: token.end };
    }
    if (token.type !== 'stream-end') {
      const start = token.start;
      this.processDirectives();
      token = this.peek();
      if (token.type !== 'document-start') this.fail('did not find expected <document start>', token.start);
      this.states.push('document-end');
      this.state = 'document-content';
      this.skip();
      return { type: 'document-start', start, end: token.end };
    }
    this.state = 'end';
    this.skip();
    return { type: 'stream-end', start: token.start, end: token.end };
  }

  private documentContent(): YamlEvent {
    const token = this.peek();
    const t = token.type;
    if (t === 'version-directive' || t === 'tag-directive' || t === 'document-start' || t === 'document-end' || t === 'stream-end') {
      this.pop();
      return emptyScalar(token.start);
    }
    return this.node(true, false);
  }

  private documentEnd(): YamlEvent {
    const token = this.peek();
    let end = token.start;
    if (token.type === 'document-end') {
      end = token.end;
      this.skip();
    }
    this.tagDirectives = [];
    this.state = 'document-start';
    return { type: 'document-end', start: token.start, end };
  }

  private node(block: boolean, indentlessSequence: boolean): YamlEvent {
    let token = this.peek();
    if (token.type === 'alias') {
      this.pop();
      this.skip();
      return { type: 'alias', start: token.start, end: token.end, anchor: token.value };
    }
    let start = token.start;
    let end = token.start;
    let hasTag = false;
    let handle = '';
    let suffix = '';
    let anchor: string | undefined;
    let tagMark = start;
    if (token.type === 'anchor') {
      anchor = token.value;
      start = token.start;
      end = token.end;
      this.skip();
      token = this.peek();
      if (token.type === 'tag') {
        hasTag = true;
        handle = token.value ?? '';
        suffix = token.suffix ?? '';
        tagMark = token.start;
        end = token.end;
        this.skip();
        token = this.peek();
      }
    } else if (token.type === 'tag') {
      hasTag = true;
      handle = token.value ?? '';
      suffix = token.suffix ?? '';
      start = token.start;
      tagMark = token.start;
      end = token.end;
      this.skip();
      token = this.peek();
      if (token.type === 'anchor') {
        anchor = token.value;
        end = token.end;
        this.skip();
        token = this.peek();
      }
    }
    let tag = '';
    if (hasTag) {
      if (handle === '') tag = suffix;
      else {
        const directive = this.tagDirectives.find((d) => d.handle === handle);
        if (directive) tag = directive.prefix + suffix;
        if (tag === '') this.fail('found undefined tag handle', tagMark, start);
      }
    }
    const implicit = tag === '';
    const tagged = tag === '' ? {} : { tag };
    if (indentlessSequence && token.type === 'block-entry') {
      this.state = 'indentless-sequence-entry';
      return { type: 'sequence-start', start, end: token.end, anchor, ...tagged, implicit, contentStart: token.start };
    }
    if (token.type === 'scalar') {
      this.pop();
      this.skip();
      const isPlainImplicit = (tag === '' && token.style === 'plain') || tag === '!';
      return { type: 'scalar', start, end: token.end, anchor, ...tagged, value: token.value, implicit: isPlainImplicit, style: token.style, contentStart: token.start };
    }
    if (token.type === 'flow-sequence-start') {
      this.state = 'flow-sequence-first-entry';
      return { type: 'sequence-start', start, end: token.end, anchor, ...tagged, implicit, flow: true, contentStart: token.start };
    }
    if (token.type === 'flow-mapping-start') {
      this.state = 'flow-mapping-first-key';
      return { type: 'mapping-start', start, end: token.end, anchor, ...tagged, implicit, flow: true, contentStart: token.start };
    }
    if (block && token.type === 'block-sequence-start') {
      this.state = 'block-sequence-first-entry';
      return { type: 'sequence-start', start, end: token.end, anchor, ...tagged, implicit, contentStart: token.start };
    }
    if (block && token.type === 'block-mapping-start') {
      this.state = 'block-mapping-first-key';
      return { type: 'mapping-start', start, end: token.end, anchor, ...tagged, implicit, contentStart: token.start };
    }
    if (anchor !== undefined || tag !== '') {
      // An anchor or a tag with nothing after it: an empty scalar.
      this.pop();
      return { type: 'scalar', start, end, anchor, ...tagged, value: '', implicit, style: 'plain', contentStart: end };
    }
    this.fail('did not find expected node content', token.start, start);
  }

  private blockSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().start);
      this.skip();
    }
    let token = this.peek();
    if (token.type === 'block-entry') {
      const mark = token.end;
      this.skip();
      token = this.peek();
      if (token.type !== 'block-entry' && token.type !== 'block-end') {
        this.states.push('block-sequence-entry');
        return this.node(true, false);
      }
      this.state = 'block-sequence-entry';
      return emptyScalar(mark);
    }
    if (token.type === 'block-end') {
      this.pop();
      this.marks.pop();
      this.skip();
      return { type: 'sequence-end', start: token.start, end: token.end };
    }
    const context = this.marks.pop()!;
    this.fail("did not find expected '-' indicator", token.start, context);
  }

  private indentlessSequenceEntry(): YamlEvent {
    let token = this.peek();
    if (token.type === 'block-entry') {
      const mark = token.end;
      this.skip();
      token = this.peek();
      if (token.type !== 'block-entry' && token.type !== 'key' && token.type !== 'value' && token.type !== 'block-end') {
        this.states.push('indentless-sequence-entry');
        return this.node(true, false);
      }
      this.state = 'indentless-sequence-entry';
      return emptyScalar(mark);
    }
    this.pop();
    return { type: 'sequence-end', start: token.start, end: token.start };
  }

  private blockMappingKey(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().start);
      this.skip();
    }
    let token = this.peek();
    if (token.type === 'key') {
      const mark = token.end;
      this.skip();
      token = this.peek();
      if (token.type !== 'key' && token.type !== 'value' && token.type !== 'block-end') {
        this.states.push('block-mapping-value');
        return this.node(true, true);
      }
      this.state = 'block-mapping-value';
      return emptyScalar(mark);
    }
    if (token.type === 'block-end') {
      this.pop();
      this.marks.pop();
      this.skip();
      return { type: 'mapping-end', start: token.start, end: token.end };
    }
    const context = this.marks.pop()!;
    this.fail('did not find expected key', token.start, context);
  }

  private blockMappingValue(): YamlEvent {
    let token = this.peek();
    if (token.type === 'value') {
      const mark = token.end;
      this.skip();
      token = this.peek();
      if (token.type !== 'key' && token.type !== 'value' && token.type !== 'block-end') {
        this.states.push('block-mapping-key');
        return this.node(true, true);
      }
      this.state = 'block-mapping-key';
      return emptyScalar(mark);
    }
    this.state = 'block-mapping-key';
    return emptyScalar(token.start);
  }

  private flowSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().start);
      this.skip();
    }
    let token = this.peek();
    if (token.type !== 'flow-sequence-end') {
      if (!first) {
        if (token.type === 'flow-entry') {
          this.skip();
          token = this.peek();
        } else {
          const context = this.marks.pop()!;
          this.fail("did not find expected ',' or ']'", token.start, context);
        }
      }
      if (token.type === 'key') {
        this.state = 'flow-sequence-entry-mapping-key';
        this.skip();
        return { type: 'mapping-start', start: token.start, end: token.end, implicit: true, flow: true };
      }
      if (token.type !== 'flow-sequence-end') {
        this.states.push('flow-sequence-entry');
        return this.node(false, false);
      }
    }
    this.pop();
    this.marks.pop();
    this.skip();
    return { type: 'sequence-end', start: token.start, end: token.end };
  }

  private flowSequenceEntryMappingKey(): YamlEvent {
    const token = this.peek();
    if (token.type !== 'value' && token.type !== 'flow-entry' && token.type !== 'flow-sequence-end') {
      this.states.push('flow-sequence-entry-mapping-value');
      return this.node(false, false);
    }
    const mark = token.end;
    this.skip();
    this.state = 'flow-sequence-entry-mapping-value';
    return emptyScalar(mark);
  }

  private flowSequenceEntryMappingValue(): YamlEvent {
    let token = this.peek();
    if (token.type === 'value') {
      this.skip();
      token = this.peek();
      if (token.type !== 'flow-entry' && token.type !== 'flow-sequence-end') {
        this.states.push('flow-sequence-entry-mapping-end');
        return this.node(false, false);
      }
    }
    this.state = 'flow-sequence-entry-mapping-end';
    return emptyScalar(token.start);
  }

  private flowSequenceEntryMappingEnd(): YamlEvent {
    const token = this.peek();
    this.state = 'flow-sequence-entry';
    return { type: 'mapping-end', start: token.start, end: token.start };
  }

  private flowMappingKey(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().start);
      this.skip();
    }
    let token = this.peek();
    if (token.type !== 'flow-mapping-end') {
      if (!first) {
        if (token.type === 'flow-entry') {
          this.skip();
          token = this.peek();
        } else {
          const context = this.marks.pop()!;
          this.fail("did not find expected ',' or '}'", token.start, context);
        }
      }
      if (token.type === 'key') {
        this.skip();
        token = this.peek();
        if (token.type !== 'value' && token.type !== 'flow-entry' && token.type !== 'flow-mapping-end') {
          this.states.push('flow-mapping-value');
          return this.node(false, false);
        }
        this.state = 'flow-mapping-value';
        return emptyScalar(token.start);
      }
      if (token.type !== 'flow-mapping-end') {
        this.states.push('flow-mapping-empty-value');
        return this.node(false, false);
      }
    }
    this.pop();
    this.marks.pop();
    this.skip();
    return { type: 'mapping-end', start: token.start, end: token.end };
  }

  private flowMappingValue(empty: boolean): YamlEvent {
    let token = this.peek();
    if (empty) {
      this.state = 'flow-mapping-key';
      return emptyScalar(token.start);
    }
    if (token.type === 'value') {
      this.skip();
      token = this.peek();
      if (token.type !== 'flow-entry' && token.type !== 'flow-mapping-end') {
        this.states.push('flow-mapping-key');
        return this.node(false, false);
      }
    }
    this.state = 'flow-mapping-key';
    return emptyScalar(token.start);
  }

  /** %YAML and %TAG before a document: only YAML 1.1 is accepted (parserc.go process_directives). */
  private processDirectives(): void {
    let token = this.peek();
    let hasVersion = false;
    while (token.type === 'version-directive' || token.type === 'tag-directive') {
      if (token.type === 'version-directive') {
        if (hasVersion) this.fail('found duplicate %YAML directive', token.start);
        if (token.major !== 1 || token.minor !== 1) this.fail('found incompatible YAML document', token.start);
        hasVersion = true;
      } else {
        this.appendTagDirective({ handle: token.value ?? '', prefix: token.suffix ?? '' }, false, token.start);
      }
      this.skip();
      token = this.peek();
    }
    for (const d of DEFAULT_TAG_DIRECTIVES) this.appendTagDirective(d, true, token.start);
  }

  private appendTagDirective(value: TagDirective, allowDuplicates: boolean, mark: Mark): void {
    if (this.tagDirectives.some((d) => d.handle === value.handle)) {
      if (allowDuplicates) return;
      this.fail('found duplicate %TAG directive', mark);
    }
    this.tagDirectives.push({ ...value });
  }
}

function emptyScalar(mark: Mark): YamlEvent {
  return { type: 'scalar', start: mark, end: mark, value: '', implicit: true, style: 'plain' };
}
