/**
 * Does a số ký hiệu fit its document type and issuer? State numbers put a slash before
 * the codes ("33/CT-TTg", "03/2007/QĐ-BNV", "80/2015/QH13"); Party numbers a hyphen
 * ("25-NQ/TW", "79-CTr/BDVTW-BCSĐCP"). The type code comes from document-types.ts, the
 * issuer codes from the issuer registry (joint documents: any issuer or co-issuer).
 */
import type { LoadedFile } from '../content/corpus.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { DOCUMENT_TYPES } from '../document-types.ts';
import { parseDocumentNumber } from '../identity.ts';
import type { DocumentFrontmatter } from '../schema/document.ts';
import type { Issuer } from '../schema/registries.ts';
import { type CheckContext, error } from './context.ts';

const SYSTEM_NAME: Record<Issuer['system'], string> = {
  dang: 'của Đảng',
  'nha-nuoc': 'của Nhà nước',
  'mat-tran-doan-the': 'của Mặt trận, đoàn thể',
};

interface NumberFacts {
  type: DocumentFrontmatter['type'];
  number: string;
  issued: string;
  issuer: Issuer;
  coIssuers: Issuer[];
}

const LEGISLATURE_TERM = /^(?:UBTVQH|QH)\d{1,2}$/u;
const LEGACY_ORDINANCE = /^\d+[a-zđ]?-LCT\/HĐNN\d{0,2}$/u;

export interface NumberProblem {
  code: string;
  message: string;
}

/** Splits "CT-TTg" (State) or "NQ/TW" (Party) into its type code and the issuer parts. */
function splitSymbol(symbol: string, style: 'state' | 'party'): { typeCode: string; issuerParts: string[] } {
  // Joint State documents are also written with a slash after the code: "19/2008/NQLT/CP-UBTUMTTQVN".
  const at = style === 'state' ? symbol.search(/[-/]/) : symbol.indexOf('/');
  if (at < 0) return { typeCode: symbol, issuerParts: [] };
  return { typeCode: symbol.slice(0, at), issuerParts: symbol.slice(at + 1).split(/[-/]/).filter(Boolean) };
}

/** The same number rewritten in the other style, to show the editor what was probably meant. */
function restyled(serial: string, symbol: string, to: 'state' | 'party'): string {
  const from = to === 'state' ? 'party' : 'state';
  const { typeCode, issuerParts } = splitSymbol(symbol, from);
  if (!issuerParts.length) return '';
  return to === 'state' ? `${serial}/${typeCode}-${issuerParts.join('-')}` : `${serial}-${typeCode}/${issuerParts.join('-')}`;
}

/** Every problem of one number; empty when it fits. Pure, so it is tested on its own. */
export function numberFormProblems(f: NumberFacts): NumberProblem[] {
  const info = DOCUMENT_TYPES[f.type];
  const system = f.issuer.system;
  const parsed = parseDocumentNumber(f.number);
  const example =
    f.type === 'luat' ? '"80/2015/QH13"' : f.type === 'phap-lenh' ? '"34/2007/PL-UBTVQH11"' : system === 'dang' ? '"25-NQ/TW"' : '"33/CT-TTg" hoặc "03/2007/QĐ-BNV"';
  if (!parsed) {
    return [{ code: 'number-form', message: `số ký hiệu "${f.number}" không đúng dạng; cần dạng như ${example}` }];
  }
  // Ordinances of the Council of State (until 1992) carry the number of the order that
  // promulgated them, Party-style: "53-LCT/HĐNN8" (LCT: lệnh công bố, HĐNN + its term).
  if (f.type === 'phap-lenh' && parsed.style === 'party' && LEGACY_ORDINANCE.test(f.number)) return [];
  const problems: NumberProblem[] = [];
  const wantStyle = system === 'dang' ? 'party' : system === 'nha-nuoc' ? 'state' : parsed.style;
  if (parsed.style !== wantStyle || (system === 'dang' && parsed.yearInNumber !== null)) {
    const fixed = parsed.yearInNumber === null ? restyled(parsed.serial, parsed.symbol, wantStyle) : '';
    const how =
      wantStyle === 'party'
        ? 'số, gạch nối, mã loại, gạch chéo, mã cơ quan (như "25-NQ/TW")'
        : 'số, gạch chéo, mã loại, gạch nối, mã cơ quan (như "33/CT-TTg")';
    return [
      {
        code: 'number-form',
        message: `văn bản ${SYSTEM_NAME[system]} viết số ký hiệu theo thứ tự ${how}; nhận được "${f.number}"${fixed ? `, có lẽ là "${fixed}"` : ''}`,
      },
    ];
  }
  const allowed =
    system === 'dang' ? info.partyCodes : system === 'nha-nuoc' ? info.stateCodes : [...new Set([...info.stateCodes, ...info.partyCodes])];
  const issuerCodes = [f.issuer, ...f.coIssuers].flatMap((i) => i.codes);
  let issuerParts: string[];
  if (f.type === 'nghi-quyet' && LEGISLATURE_TERM.test(parsed.symbol)) {
    // Resolutions of the National Assembly and its Standing Committee carry the term
    // instead of a type code: "202/2025/QH15", "759/2014/UBTVQH13".
    issuerParts = [parsed.symbol];
  } else if (f.type === 'luat') {
    // Laws carry the legislature's term instead of a type code: "80/2015/QH13".
    if (!/^QH\d{1,2}$/.test(parsed.symbol)) {
      problems.push({ code: 'number-type-code', message: `số của Luật kết thúc bằng "QH" và khóa Quốc hội (như "80/2015/QH13"); nhận được "${parsed.symbol}"` });
    }
    issuerParts = [parsed.symbol, 'QH'];
  } else if (f.type === 'cong-van' && allowed.length === 0) {
    // A State official letter has no type code: "1234/BNV-CQĐP".
    issuerParts = parsed.symbol.split(/[-/]/);
  } else {
    const split = splitSymbol(parsed.symbol, parsed.style);
    issuerParts = split.issuerParts;
    if (allowed.length === 0) {
      problems.push({ code: 'number-type-code', message: `${info.name} không phải loại văn bản ${SYSTEM_NAME[system]}, nên số ký hiệu "${f.number}" không khớp cơ quan ban hành` });
    } else if (!allowed.includes(split.typeCode)) {
      problems.push({
        code: 'number-type-code',
        message: `mã loại "${split.typeCode}" trong "${f.number}" không khớp loại ${info.name}; cần ${allowed.map((c) => `"${c}"`).join(' hoặc ')}`,
      });
    }
    if (!issuerParts.length) {
      problems.push({ code: 'number-issuer-code', message: `số ký hiệu "${f.number}" thiếu mã cơ quan ban hành sau mã loại` });
    }
  }
  if (issuerCodes.length && issuerParts.length && !issuerParts.some((p) => issuerCodes.includes(p))) {
    problems.push({
      code: 'number-issuer-code',
      message: `ký hiệu "${parsed.symbol}" không chứa mã của cơ quan ban hành; cần một trong: ${[...new Set(issuerCodes)].map((c) => `"${c}"`).join(', ')}`,
    });
  }
  const issuedYear = Number(f.issued.slice(0, 4));
  if (parsed.yearInNumber !== null && parsed.yearInNumber !== issuedYear) {
    problems.push({
      code: 'number-year-mismatch',
      message: `năm trong số ký hiệu là ${parsed.yearInNumber} nhưng ngày ban hành là ${f.issued}`,
    });
  }
  return problems;
}

export function checkNumberForms(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of ctx.corpus.documents as LoadedFile<DocumentFrontmatter>[]) {
    const d = doc.data;
    const issuer = ctx.issuers.get(d.issuer);
    // Without a number or a known issuer there is nothing to compare (both reported elsewhere).
    if (!d.number || !issuer) continue;
    const coIssuers = (d.coIssuers ?? []).flatMap((id) => ctx.issuers.get(id) ?? []);
    for (const p of numberFormProblems({ type: d.type, number: d.number, issued: d.issued, issuer, coIssuers })) {
      out.push(error(doc.file, doc.parsed.lineOf(['number']), 'number', p.code, p.message));
    }
  }
  return out;
}
