/**
 * Cuts record texts out of streamed JSON without holding the whole document: the elements of
 * a top-level array, the elements of a top-level object's `day_totals` array (the object
 * itself is dropped), a top-level object without `day_totals` (one record), and a sequence of
 * such top-level values (pretty-printed concatenated JSON). Each text is parsed by the caller.
 *
 * It only tracks strings, escapes and bracket depth, so malformed input yields malformed
 * texts (reported when parsed) rather than exceptions. Strings are skipped with `indexOf`;
 * structural characters are scanned one by one.
 */

/** The JSON text of one record and the 1-based line of the file it starts on. */
export interface RecordText {
  text: string;
  line: number;
}

const QUOTE = 34;

/** Incremental splitter: `push` text in order, then `end`; drain `out` after each call. */
export class JsonRecordSplitter {
  /** Record texts cut so far; the caller empties it. */
  out: RecordText[] = [];

  private line = 1;
  private depth = 0;
  private inString = false;
  private escapePending = false;
  private top: "array" | "object" | null = null;
  private inDayTotals = false;
  private sawDayTotals = false;
  private expectKey = false;
  private inKey = false;
  private keyPieces = "";
  private keyStart = 0;
  private lastKey = "";

  /** Current element: depth it lives at, whether it is a scalar, pieces from earlier chunks. */
  private elemDepth = -1;
  private elemScalar = false;
  private elemStart = -1;
  private elemLine = 0;
  private elemPieces: string[] = [];

  /** Text of the top-level object minus its `day_totals` elements. */
  private shellActive = false;
  private shellStart = 0;
  private shellLine = 0;
  private shellPieces: string[] = [];

  /** Depth at which elements are cut now, or -1. */
  private elementDepth(): number {
    if (this.inDayTotals) return 2;
    if (this.top === "array") return 1;
    return -1;
  }

  private startElement(i: number, depth: number, scalar: boolean): void {
    this.elemDepth = depth;
    this.elemScalar = scalar;
    this.elemStart = i;
    this.elemLine = this.line;
    this.elemPieces = [];
  }

  private endElement(s: string, endExclusive: number): void {
    this.elemPieces.push(s.slice(this.elemStart, endExclusive));
    const text = this.elemPieces.length === 1 ? this.elemPieces[0]! : this.elemPieces.join("");
    this.out.push({ text: this.elemScalar ? text.trim() : text, line: this.elemLine });
    this.elemDepth = -1;
    this.elemStart = -1;
    this.elemPieces = [];
  }

  /** Characters held for the record being cut (the element, or the top-level object's shell). */
  pendingLength(): number {
    let n = this.keyPieces.length;
    for (const piece of this.elemPieces) n += piece.length;
    for (const piece of this.shellPieces) n += piece.length;
    return n;
  }

  /** Feeds the next piece of text. */
  push(s: string): void {
    const n = s.length;
    if (this.elemDepth !== -1) this.elemStart = 0;
    if (this.shellActive) this.shellStart = 0;
    if (this.inKey) this.keyStart = 0;
    let nextBackslash = -1;
    let i = 0;
    while (i < n) {
      if (this.inString) {
        if (this.escapePending) {
          this.escapePending = false;
          i++;
          continue;
        }
        const quote = s.indexOf('"', i);
        if (nextBackslash !== n && nextBackslash < i) {
          nextBackslash = s.indexOf("\\", i);
          if (nextBackslash === -1) nextBackslash = n;
        }
        if (nextBackslash < n && (quote === -1 || nextBackslash < quote)) {
          if (nextBackslash + 1 >= n) this.escapePending = true;
          i = nextBackslash + 2;
          continue;
        }
        if (quote === -1) {
          i = n;
          break;
        }
        this.inString = false;
        if (this.inKey) {
          this.inKey = false;
          this.lastKey = this.keyPieces + s.slice(this.keyStart, quote);
          this.keyPieces = "";
        }
        i = quote + 1;
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === QUOTE) {
        if (this.elemDepth === -1 && this.depth === this.elementDepth()) {
          this.startElement(i, this.depth, true);
        }
        this.inString = true;
        if (this.depth === 1 && this.top === "object" && this.expectKey) {
          this.inKey = true;
          this.keyStart = i + 1;
          this.keyPieces = "";
        }
      } else if (c === 123 || c === 91) {
        // { or [
        if (this.depth === 0) {
          this.top = c === 91 ? "array" : "object";
          if (this.top === "object") {
            this.shellActive = true;
            this.shellStart = i;
            this.shellLine = this.line;
            this.shellPieces = [];
            this.sawDayTotals = false;
            this.expectKey = true;
          }
        } else if (this.elemDepth === -1 && this.depth === this.elementDepth()) {
          this.startElement(i, this.depth, false);
        } else if (
          c === 91 &&
          this.depth === 1 &&
          this.top === "object" &&
          this.lastKey === "day_totals"
        ) {
          this.shellPieces.push(s.slice(this.shellStart, i + 1));
          this.shellActive = false;
          this.inDayTotals = true;
          this.sawDayTotals = true;
        }
        this.depth++;
      } else if (c === 125 || c === 93) {
        // } or ]
        if (this.elemDepth !== -1 && this.elemScalar && this.depth === this.elemDepth) {
          this.endElement(s, i);
        }
        if (this.depth > 0) this.depth--;
        if (this.elemDepth !== -1 && !this.elemScalar && this.depth === this.elemDepth) {
          this.endElement(s, i + 1);
        }
        if (this.inDayTotals && this.depth === 1) {
          this.inDayTotals = false;
          this.shellActive = true;
          this.shellStart = i;
        }
        if (this.depth === 0) this.closeTop(s, i + 1);
      } else if (c === 44) {
        // ,
        if (this.elemDepth !== -1 && this.elemScalar && this.depth === this.elemDepth) {
          this.endElement(s, i);
        }
        if (this.depth === 1 && this.top === "object") this.expectKey = true;
      } else if (c === 58) {
        // :
        if (this.depth === 1 && this.top === "object") this.expectKey = false;
      } else if (c === 10) {
        this.line++;
      } else if (c !== 32 && c !== 13 && c !== 9 && c !== 0xfeff) {
        if (this.depth === 0) {
          // A stray value at the top level: cut it to the end of the line so it is reported.
          const eol = s.indexOf("\n", i);
          this.out.push({ text: s.slice(i, eol === -1 ? n : eol), line: this.line });
          i = eol === -1 ? n : eol;
          continue;
        }
        if (this.elemDepth === -1 && this.depth === this.elementDepth()) {
          this.startElement(i, this.depth, true);
        }
      }
      i++;
    }
    if (this.elemDepth !== -1 && this.elemStart < n) this.elemPieces.push(s.slice(this.elemStart));
    if (this.shellActive && this.shellStart < n) this.shellPieces.push(s.slice(this.shellStart));
    if (this.inKey) this.keyPieces += s.slice(this.keyStart);
  }

  private closeTop(s: string, endExclusive: number): void {
    if (this.top === "object") {
      this.shellPieces.push(s.slice(this.shellStart, endExclusive));
      if (!this.sawDayTotals)
        this.out.push({ text: this.shellPieces.join(""), line: this.shellLine });
    }
    this.shellActive = false;
    this.shellPieces = [];
    this.top = null;
    this.expectKey = false;
    this.lastKey = "";
  }

  /**
   * Ends the input. An unterminated element or object is emitted as it is, so that parsing
   * it reports the truncation at its line.
   */
  end(): void {
    if (this.elemDepth !== -1) {
      this.out.push({ text: this.elemPieces.join(""), line: this.elemLine });
    } else if (this.top === "object" && !this.sawDayTotals) {
      this.out.push({ text: this.shellPieces.join(""), line: this.shellLine });
    } else if (this.top === "array" || this.inDayTotals) {
      // A truncated array: report it where it ended.
      this.out.push({ text: "[", line: this.line });
    }
    this.elemDepth = -1;
    this.elemPieces = [];
    this.shellPieces = [];
    this.top = null;
  }
}
