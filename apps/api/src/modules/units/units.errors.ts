import { defineErrors, registerMessages } from '../../common/errors/error-registry.js';

/** The units module's error codes (the engine's unit-tree codes included). */
export const UnitErrors = defineErrors({
  'UNIT.NOT_FOUND': {
    status: 404,
    vi: 'Không tìm thấy đơn vị.',
    en: 'Unit not found.',
  },
  'UNIT.HAS_CHILDREN': {
    status: 409,
    vi: 'Đơn vị còn đơn vị trực thuộc.',
    en: 'The unit still has sub-units.',
  },
  'UNIT.IN_USE': {
    status: 409,
    vi: 'Đơn vị còn đơn vị trực thuộc, đoàn viên hoặc đang là đối tượng của một cuộc thi nên không xoá được.',
    en: 'The unit still has sub-units or members, or a contest is open to it, so it cannot be deleted.',
  },
  'UNIT.CYCLE': {
    status: 409,
    vi: 'Không thể chuyển đơn vị vào dưới chính nó hoặc đơn vị trực thuộc của nó.',
    en: 'A unit cannot move under itself or one of its sub-units.',
  },
  'UNIT_IMPORT.INVALID': {
    status: 400,
    vi: 'Tệp có {count} lỗi nên chưa có đơn vị nào được nhập. Hãy sửa các dòng được nêu rồi nhập lại.',
    en: 'The file has {count} errors, so no unit was imported. Fix the lines listed and import again.',
  },
});

export type UnitErrorCode = keyof typeof UnitErrors.specs;

/** The per-line issues of a unit import report (not errors: they go into `UNIT_IMPORT.INVALID`'s report). */
registerMessages({
  vi: {
    'UNIT_IMPORT.HEADER_MISSING': 'Thiếu cột "{column}" ở dòng tiêu đề (dòng 1).',
    'UNIT_IMPORT.NAME_REQUIRED': 'Thiếu tên đơn vị.',
    'UNIT_IMPORT.NAME_TOO_LONG': 'Tên đơn vị dài quá {max} ký tự.',
    'UNIT_IMPORT.MEMBER_COUNT_INVALID': 'Số đoàn viên phải là số nguyên từ 0 đến {max}.',
    'UNIT_IMPORT.PARENT_NOT_FOUND': 'Không tìm thấy đơn vị cấp trên "{name}" (trong hệ thống hoặc trong tệp).',
    'UNIT_IMPORT.PARENT_AMBIGUOUS': 'Có {count} đơn vị tên "{name}": hãy đặt tên đơn vị cấp trên không trùng.',
    'UNIT_IMPORT.UNIT_AMBIGUOUS': 'Có {count} đơn vị tên "{name}" dưới cùng đơn vị cấp trên: không biết cập nhật đơn vị nào.',
    'UNIT_IMPORT.DUPLICATE_ROW': 'Đơn vị này đã có ở dòng {line}.',
    'UNIT_IMPORT.PARENT_INVALID': 'Đơn vị cấp trên ở dòng {line} có lỗi.',
    'UNIT_IMPORT.CYCLE': 'Các đơn vị trong tệp lấy nhau làm cấp trên (vòng lặp qua "{name}").',
  },
  en: {
    'UNIT_IMPORT.HEADER_MISSING': 'The header row (row 1) has no "{column}" column.',
    'UNIT_IMPORT.NAME_REQUIRED': 'The unit name is missing.',
    'UNIT_IMPORT.NAME_TOO_LONG': 'The unit name is longer than {max} characters.',
    'UNIT_IMPORT.MEMBER_COUNT_INVALID': 'The member count must be a whole number from 0 to {max}.',
    'UNIT_IMPORT.PARENT_NOT_FOUND': 'No parent unit "{name}" exists (in the system or in the file).',
    'UNIT_IMPORT.PARENT_AMBIGUOUS': '{count} units are named "{name}": give the parent a name no other unit has.',
    'UNIT_IMPORT.UNIT_AMBIGUOUS': '{count} units named "{name}" have the same parent: which one to update is unclear.',
    'UNIT_IMPORT.DUPLICATE_ROW': 'This unit is already on row {line}.',
    'UNIT_IMPORT.PARENT_INVALID': 'The parent unit on row {line} has errors.',
    'UNIT_IMPORT.CYCLE': 'Units in the file are parents of each other (a loop through "{name}").',
  },
});
