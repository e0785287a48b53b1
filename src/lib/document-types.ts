/**
 * The document types of DESIGN.md as data: id, Vietnamese name, and the codes that
 * appear in a số ký hiệu for State and Party documents. The citation engine, the
 * number-form check and the page labels all read this table.
 */
export const DOCUMENT_TYPE_IDS = [
  'nghi-quyet',
  'quyet-dinh',
  'quy-dinh',
  'chi-thi',
  'ket-luan',
  'quy-che',
  'huong-dan',
  'ke-hoach',
  'chuong-trinh',
  'thong-bao',
  'cong-van',
  'nghi-dinh',
  'thong-tu',
  'phap-lenh',
  'luat',
] as const;

export type DocumentTypeId = (typeof DOCUMENT_TYPE_IDS)[number];

export interface DocumentTypeInfo {
  id: DocumentTypeId;
  /** Name as written in running text ("Chỉ thị"). */
  name: string;
  /** Plural heading for list pages. */
  plural: string;
  /** Type codes in State numbers ("33/CT-TTg"); empty when the State does not issue this type. */
  stateCodes: readonly string[];
  /** Type codes in Party numbers ("25-NQ/TW"); empty when the Party does not issue this type. */
  partyCodes: readonly string[];
}

export const DOCUMENT_TYPES: Readonly<Record<DocumentTypeId, DocumentTypeInfo>> = {
  // Joint documents keep their type with a joint code: NQLT (nghị quyết liên tịch), TTLT, HDLT, QCPH.
  'nghi-quyet': { id: 'nghi-quyet', name: 'Nghị quyết', plural: 'Nghị quyết', stateCodes: ['NQ', 'NQLT'], partyCodes: ['NQ'] },
  'quyet-dinh': { id: 'quyet-dinh', name: 'Quyết định', plural: 'Quyết định', stateCodes: ['QĐ'], partyCodes: ['QĐ'] },
  'quy-dinh': { id: 'quy-dinh', name: 'Quy định', plural: 'Quy định', stateCodes: ['QyĐ', 'QĐ'], partyCodes: ['QĐi', 'QĐ'] },
  'chi-thi': { id: 'chi-thi', name: 'Chỉ thị', plural: 'Chỉ thị', stateCodes: ['CT'], partyCodes: ['CT'] },
  'ket-luan': { id: 'ket-luan', name: 'Kết luận', plural: 'Kết luận', stateCodes: [], partyCodes: ['KL'] },
  'quy-che': { id: 'quy-che', name: 'Quy chế', plural: 'Quy chế', stateCodes: ['QC', 'QCPH', 'QĐ'], partyCodes: ['QC', 'QĐ'] },
  'huong-dan': { id: 'huong-dan', name: 'Hướng dẫn', plural: 'Hướng dẫn', stateCodes: ['HD', 'HDLT'], partyCodes: ['HD'] },
  'ke-hoach': { id: 'ke-hoach', name: 'Kế hoạch', plural: 'Kế hoạch', stateCodes: ['KH'], partyCodes: ['KH'] },
  'chuong-trinh': { id: 'chuong-trinh', name: 'Chương trình', plural: 'Chương trình (phối hợp)', stateCodes: ['CTr'], partyCodes: ['CTr'] },
  'thong-bao': { id: 'thong-bao', name: 'Thông báo', plural: 'Thông báo', stateCodes: ['TB'], partyCodes: ['TB'] },
  'cong-van': { id: 'cong-van', name: 'Công văn', plural: 'Công văn', stateCodes: [], partyCodes: ['CV'] },
  'nghi-dinh': { id: 'nghi-dinh', name: 'Nghị định', plural: 'Nghị định', stateCodes: ['NĐ'], partyCodes: [] },
  'thong-tu': { id: 'thong-tu', name: 'Thông tư', plural: 'Thông tư', stateCodes: ['TT', 'TTLT'], partyCodes: [] },
  // Ordinances of the Standing Committee ("34/2007/PL-UBTVQH11"); before 1992 the Council of
  // State's were numbered with its promulgation order ("53-LCT/HĐNN8"), see number-form.ts.
  'phap-lenh': { id: 'phap-lenh', name: 'Pháp lệnh', plural: 'Pháp lệnh', stateCodes: ['PL'], partyCodes: [] },
  luat: { id: 'luat', name: 'Luật', plural: 'Luật', stateCodes: ['QH'], partyCodes: [] },
};

export function isDocumentTypeId(value: string): value is DocumentTypeId {
  return (DOCUMENT_TYPE_IDS as readonly string[]).includes(value);
}
