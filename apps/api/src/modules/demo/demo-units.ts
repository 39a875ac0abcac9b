/** The demo federation: TLĐ → sector/city unions → grassroots unions (CĐCS). Member counts are illustrative. */
export interface DemoUnit {
  key: string;
  name: string;
  parent?: string;
  memberCount: number;
}

export const DEMO_UNITS: DemoUnit[] = [
  { key: 'tld', name: 'Tổng Liên đoàn Lao động Việt Nam', memberCount: 0 },
  { key: 'cdvc', name: 'Công đoàn Viên chức Việt Nam', parent: 'tld', memberCount: 0 },
  { key: 'twd', name: 'Công đoàn cơ quan Trung ương Đoàn', parent: 'cdvc', memberCount: 40 },
  { key: 'btn', name: 'CĐCS Báo Thanh Niên', parent: 'twd', memberCount: 420 },
  { key: 'btp', name: 'CĐCS Báo Tiền Phong', parent: 'twd', memberCount: 380 },
  { key: 'hvtn', name: 'CĐCS Học viện Thanh thiếu niên Việt Nam', parent: 'twd', memberCount: 260 },
  { key: 'nxbtn', name: 'CĐCS Nhà xuất bản Thanh Niên', parent: 'twd', memberCount: 95 },
  { key: 'hn', name: 'Liên đoàn Lao động thành phố Hà Nội', parent: 'tld', memberCount: 0 },
  { key: 'hn-vinhtuy', name: 'CĐCS Trường THCS Vĩnh Tuy', parent: 'hn', memberCount: 72 },
  { key: 'hn-dongda', name: 'CĐCS Bệnh viện Đa khoa Đống Đa', parent: 'hn', memberCount: 510 },
  { key: 'hcm', name: 'Liên đoàn Lao động Thành phố Hồ Chí Minh', parent: 'tld', memberCount: 0 },
  { key: 'hcm-q1', name: 'CĐCS Ủy ban nhân dân phường Bến Nghé', parent: 'hcm', memberCount: 64 },
  { key: 'hcm-det', name: 'CĐCS Công ty Dệt may Gia Định', parent: 'hcm', memberCount: 1250 },
];

export interface DemoAccount {
  fullName: string;
  email: string;
  unit: string | null;
  roles: ('member' | 'organizer' | 'judge' | 'admin')[];
  phone?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { fullName: 'Quản trị hệ thống', email: 'admin@hoithi.demo', unit: null, roles: ['admin'] },
  { fullName: 'Ban tổ chức Cuộc thi', email: 'bantochuc@hoithi.demo', unit: 'twd', roles: ['organizer'] },
  { fullName: 'Giám khảo Trần Thị Hoa', email: 'giamkhao@hoithi.demo', unit: 'hn-dongda', roles: ['judge'] },
  { fullName: 'Nguyễn Văn An', email: 'an.nguyen@hoithi.demo', unit: 'btn', roles: ['member'], phone: '0912345678' },
  { fullName: 'Lê Thị Bình', email: 'binh.le@hoithi.demo', unit: 'btp', roles: ['member'], phone: '0987654321' },
  { fullName: 'Phạm Minh Châu', email: 'chau.pham@hoithi.demo', unit: 'hvtn', roles: ['member'] },
  { fullName: 'Hoàng Đức Dũng', email: 'dung.hoang@hoithi.demo', unit: 'hcm-det', roles: ['member'] },
];
