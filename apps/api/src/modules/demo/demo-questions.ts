/**
 * The demo question bank: two topics modelled on the contests unions actually ran in 2021 —
 * the election law (Luật số 85/2015/QH13 and the 23/5/2021 elections) and the Resolution of the
 * XIII Party Congress. Every answer is a publicly documented fact; each explanation names its source.
 */
export interface DemoQuestion {
  type: 'single' | 'multiple' | 'true_false';
  text: string;
  options: { text: string; correct: boolean }[];
  difficulty: 'easy' | 'medium' | 'hard';
  points?: number;
  explanation: string;
}

export interface DemoTopic {
  name: string;
  questions: DemoQuestion[];
}

const ELECTION_LAW: DemoQuestion[] = [
  {
    type: 'single',
    text: 'Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân năm 2015 được Quốc hội thông qua vào ngày nào?',
    options: [
      { text: 'Ngày 25/6/2015', correct: true },
      { text: 'Ngày 19/6/2015', correct: false },
      { text: 'Ngày 20/11/2015', correct: false },
      { text: 'Ngày 01/9/2015', correct: false },
    ],
    difficulty: 'easy',
    explanation: 'Luật số 85/2015/QH13 được Quốc hội khóa XIII thông qua tại kỳ họp thứ 9, ngày 25/6/2015.',
  },
  {
    type: 'single',
    text: 'Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân năm 2015 có hiệu lực thi hành từ ngày nào?',
    options: [
      { text: 'Ngày 01/9/2015', correct: true },
      { text: 'Ngày 01/7/2015', correct: false },
      { text: 'Ngày 01/01/2016', correct: false },
      { text: 'Ngày 25/6/2015', correct: false },
    ],
    difficulty: 'easy',
    explanation: 'Theo điều khoản thi hành của Luật số 85/2015/QH13, Luật có hiệu lực từ ngày 01/9/2015.',
  },
  {
    type: 'single',
    text: 'Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân năm 2015 mang số hiệu nào?',
    options: [
      { text: 'Luật số 85/2015/QH13', correct: true },
      { text: 'Luật số 80/2015/QH13', correct: false },
      { text: 'Luật số 77/2015/QH13', correct: false },
      { text: 'Luật số 57/2014/QH13', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân là Luật số 85/2015/QH13; các số hiệu còn lại là Luật Ban hành văn bản quy phạm pháp luật, Luật Tổ chức chính quyền địa phương và Luật Tổ chức Quốc hội.',
  },
  {
    type: 'single',
    text: 'Việc bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân được tiến hành theo những nguyên tắc nào?',
    options: [
      { text: 'Phổ thông, bình đẳng, trực tiếp và bỏ phiếu kín', correct: true },
      { text: 'Phổ thông, công khai, trực tiếp và bỏ phiếu kín', correct: false },
      { text: 'Tự nguyện, bình đẳng, gián tiếp và bỏ phiếu kín', correct: false },
      { text: 'Phổ thông, bình đẳng, trực tiếp và biểu quyết công khai', correct: false },
    ],
    difficulty: 'easy',
    explanation:
      'Theo Điều 1 Luật Bầu cử năm 2015, việc bầu cử được tiến hành theo nguyên tắc phổ thông, bình đẳng, trực tiếp và bỏ phiếu kín.',
  },
  {
    type: 'single',
    text: 'Công dân Việt Nam đủ bao nhiêu tuổi trở lên thì có quyền bầu cử?',
    options: [
      { text: 'Đủ 18 tuổi', correct: true },
      { text: 'Đủ 16 tuổi', correct: false },
      { text: 'Đủ 20 tuổi', correct: false },
      { text: 'Đủ 21 tuổi', correct: false },
    ],
    difficulty: 'easy',
    explanation:
      'Theo Điều 2 Luật Bầu cử năm 2015 (và Điều 27 Hiến pháp năm 2013), tính đến ngày bầu cử được công bố, công dân đủ 18 tuổi trở lên có quyền bầu cử.',
  },
  {
    type: 'single',
    text: 'Công dân Việt Nam đủ bao nhiêu tuổi trở lên thì có quyền ứng cử vào Quốc hội, Hội đồng nhân dân?',
    options: [
      { text: 'Đủ 21 tuổi', correct: true },
      { text: 'Đủ 18 tuổi', correct: false },
      { text: 'Đủ 23 tuổi', correct: false },
      { text: 'Đủ 25 tuổi', correct: false },
    ],
    difficulty: 'easy',
    explanation:
      'Theo Điều 2 Luật Bầu cử năm 2015, tính đến ngày bầu cử được công bố, công dân đủ 21 tuổi trở lên có quyền ứng cử vào Quốc hội, Hội đồng nhân dân.',
  },
  {
    type: 'single',
    text: 'Theo Luật Bầu cử năm 2015, ngày bầu cử phải là ngày nào trong tuần?',
    options: [
      { text: 'Ngày Chủ nhật', correct: true },
      { text: 'Ngày thứ Bảy', correct: false },
      { text: 'Ngày thứ Hai', correct: false },
      { text: 'Bất kỳ ngày nào do Hội đồng bầu cử quốc gia quyết định', correct: false },
    ],
    difficulty: 'easy',
    explanation: 'Theo Điều 5 Luật Bầu cử năm 2015, ngày bầu cử phải là ngày Chủ nhật.',
  },
  {
    type: 'single',
    text: 'Theo Luật Bầu cử năm 2015, ngày bầu cử phải được công bố chậm nhất là bao nhiêu ngày trước ngày bầu cử?',
    options: [
      { text: '115 ngày', correct: true },
      { text: '105 ngày', correct: false },
      { text: '95 ngày', correct: false },
      { text: '80 ngày', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Theo Điều 5 Luật Bầu cử năm 2015, ngày bầu cử được công bố chậm nhất là 115 ngày trước ngày bầu cử (luật trước đây quy định 105 ngày).',
  },
  {
    type: 'single',
    text: 'Cơ quan nào quyết định ngày bầu cử toàn quốc đối với cuộc bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân các cấp?',
    options: [
      { text: 'Quốc hội', correct: true },
      { text: 'Ủy ban Thường vụ Quốc hội', correct: false },
      { text: 'Hội đồng bầu cử quốc gia', correct: false },
      { text: 'Chính phủ', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Theo khoản 1 Điều 4 Luật Bầu cử năm 2015, Quốc hội quyết định ngày bầu cử toàn quốc và quyết định thành lập Hội đồng bầu cử quốc gia.',
  },
  {
    type: 'multiple',
    text: 'Theo Hiến pháp năm 2013, Hội đồng bầu cử quốc gia có những nhiệm vụ nào sau đây?',
    options: [
      { text: 'Tổ chức bầu cử đại biểu Quốc hội', correct: true },
      { text: 'Chỉ đạo và hướng dẫn công tác bầu cử đại biểu Hội đồng nhân dân các cấp', correct: true },
      { text: 'Quyết định ngày bầu cử toàn quốc', correct: false },
      { text: 'Tổ chức hội nghị hiệp thương giới thiệu người ứng cử', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Theo Điều 117 Hiến pháp năm 2013, Hội đồng bầu cử quốc gia do Quốc hội thành lập, tổ chức bầu cử đại biểu Quốc hội và chỉ đạo, hướng dẫn bầu cử đại biểu Hội đồng nhân dân; ngày bầu cử do Quốc hội quyết định, còn hiệp thương do Mặt trận Tổ quốc tổ chức.',
  },
  {
    type: 'multiple',
    text: 'Những tổ chức nào sau đây là tổ chức phụ trách bầu cử ở địa phương theo Luật Bầu cử năm 2015?',
    options: [
      { text: 'Ủy ban bầu cử', correct: true },
      { text: 'Ban bầu cử', correct: true },
      { text: 'Tổ bầu cử', correct: true },
      { text: 'Hội đồng bầu cử cấp tỉnh', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Theo Chương III Luật Bầu cử năm 2015, các tổ chức phụ trách bầu cử ở địa phương gồm Ủy ban bầu cử ở tỉnh, huyện, xã; Ban bầu cử và Tổ bầu cử; Hội đồng bầu cử chỉ có ở cấp quốc gia.',
  },
  {
    type: 'single',
    text: 'Theo Luật Bầu cử năm 2015, Tổ bầu cử được thành lập ở mỗi khu vực bỏ phiếu chậm nhất là bao nhiêu ngày trước ngày bầu cử?',
    options: [
      { text: '50 ngày', correct: true },
      { text: '40 ngày', correct: false },
      { text: '70 ngày', correct: false },
      { text: '35 ngày', correct: false },
    ],
    difficulty: 'hard',
    explanation:
      'Theo Điều 25 Luật Bầu cử năm 2015, chậm nhất 50 ngày trước ngày bầu cử, Ủy ban nhân dân cấp xã quyết định thành lập ở mỗi khu vực bỏ phiếu một Tổ bầu cử có từ 11 đến 21 thành viên.',
  },
  {
    type: 'single',
    text: 'Theo Luật Bầu cử năm 2015, Ban bầu cử đại biểu Hội đồng nhân dân cấp tỉnh, cấp huyện, cấp xã được thành lập chậm nhất là bao nhiêu ngày trước ngày bầu cử?',
    options: [
      { text: '70 ngày', correct: true },
      { text: '80 ngày', correct: false },
      { text: '105 ngày', correct: false },
      { text: '50 ngày', correct: false },
    ],
    difficulty: 'hard',
    explanation: 'Theo khoản 2 Điều 24 Luật Bầu cử năm 2015, Ban bầu cử được thành lập chậm nhất 70 ngày trước ngày bầu cử.',
  },
  {
    type: 'single',
    text: 'Theo Luật Bầu cử năm 2015, mỗi đơn vị bầu cử đại biểu Quốc hội được bầu không quá bao nhiêu đại biểu?',
    options: [
      { text: '3 đại biểu', correct: true },
      { text: '2 đại biểu', correct: false },
      { text: '4 đại biểu', correct: false },
      { text: '5 đại biểu', correct: false },
    ],
    difficulty: 'medium',
    explanation: 'Theo Điều 10 Luật Bầu cử năm 2015, mỗi đơn vị bầu cử đại biểu Quốc hội được bầu không quá ba đại biểu.',
  },
  {
    type: 'single',
    text: 'Theo Luật Bầu cử năm 2015, mỗi đơn vị bầu cử đại biểu Hội đồng nhân dân được bầu không quá bao nhiêu đại biểu?',
    options: [
      { text: '5 đại biểu', correct: true },
      { text: '3 đại biểu', correct: false },
      { text: '4 đại biểu', correct: false },
      { text: '7 đại biểu', correct: false },
    ],
    difficulty: 'medium',
    explanation: 'Theo Điều 10 Luật Bầu cử năm 2015, mỗi đơn vị bầu cử đại biểu Hội đồng nhân dân được bầu không quá năm đại biểu.',
  },
  {
    type: 'single',
    text: 'Theo Luật Bầu cử năm 2015, số đơn vị bầu cử, danh sách các đơn vị bầu cử và số lượng đại biểu Quốc hội được bầu ở mỗi đơn vị do Hội đồng bầu cử quốc gia ấn định phải được công bố chậm nhất là bao nhiêu ngày trước ngày bầu cử?',
    options: [
      { text: '80 ngày', correct: true },
      { text: '115 ngày', correct: false },
      { text: '95 ngày', correct: false },
      { text: '70 ngày', correct: false },
    ],
    difficulty: 'hard',
    explanation:
      'Theo Điều 10 Luật Bầu cử năm 2015, các nội dung này do Hội đồng bầu cử quốc gia ấn định theo đề nghị của Ủy ban bầu cử ở tỉnh và được công bố chậm nhất 80 ngày trước ngày bầu cử.',
  },
  {
    type: 'single',
    text: 'Theo Luật Bầu cử năm 2015, người ứng cử đại biểu Quốc hội, đại biểu Hội đồng nhân dân phải nộp hồ sơ ứng cử chậm nhất là bao nhiêu ngày trước ngày bầu cử?',
    options: [
      { text: '70 ngày', correct: true },
      { text: '80 ngày', correct: false },
      { text: '50 ngày', correct: false },
      { text: '40 ngày', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Theo Luật Bầu cử năm 2015, hồ sơ ứng cử phải được nộp chậm nhất 70 ngày trước ngày bầu cử; năm 2021 hạn cuối là ngày 14/3/2021.',
  },
  {
    type: 'single',
    text: 'Hội nghị hiệp thương lựa chọn, giới thiệu người ứng cử đại biểu Quốc hội, đại biểu Hội đồng nhân dân do cơ quan nào tổ chức?',
    options: [
      { text: 'Ban thường trực Ủy ban Mặt trận Tổ quốc Việt Nam', correct: true },
      { text: 'Ủy ban bầu cử cùng cấp', correct: false },
      { text: 'Ủy ban nhân dân cùng cấp', correct: false },
      { text: 'Thường trực Hội đồng nhân dân cùng cấp', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Theo Chương V Luật Bầu cử năm 2015 (ví dụ Điều 39), hội nghị hiệp thương do Ban thường trực Ủy ban Mặt trận Tổ quốc Việt Nam cấp tương ứng tổ chức.',
  },
  {
    type: 'single',
    text: 'Quy trình hiệp thương, giới thiệu người ứng cử đại biểu Quốc hội, đại biểu Hội đồng nhân dân gồm bao nhiêu hội nghị hiệp thương?',
    options: [
      { text: 'Ba hội nghị', correct: true },
      { text: 'Hai hội nghị', correct: false },
      { text: 'Bốn hội nghị', correct: false },
      { text: 'Năm hội nghị', correct: false },
    ],
    difficulty: 'easy',
    explanation:
      'Theo Luật Bầu cử năm 2015, việc hiệp thương được tiến hành qua ba hội nghị: lần thứ nhất thỏa thuận cơ cấu, thành phần; lần thứ hai lập danh sách sơ bộ; lần thứ ba lập danh sách những người đủ tiêu chuẩn ứng cử.',
  },
  {
    type: 'single',
    text: 'Theo Luật Bầu cử năm 2015, hội nghị hiệp thương lần thứ nhất ở tỉnh, thành phố trực thuộc trung ương được tổ chức chậm nhất là bao nhiêu ngày trước ngày bầu cử?',
    options: [
      { text: '95 ngày', correct: true },
      { text: '115 ngày', correct: false },
      { text: '65 ngày', correct: false },
      { text: '35 ngày', correct: false },
    ],
    difficulty: 'hard',
    explanation:
      'Theo khoản 1 Điều 39 Luật Bầu cử năm 2015, hội nghị hiệp thương lần thứ nhất ở cấp tỉnh do Ban thường trực Ủy ban Mặt trận Tổ quốc Việt Nam cấp tỉnh tổ chức chậm nhất 95 ngày trước ngày bầu cử.',
  },
  {
    type: 'single',
    text: 'Theo Luật Bầu cử năm 2015, hội nghị hiệp thương lần thứ ba để lập danh sách những người đủ tiêu chuẩn ứng cử đại biểu Hội đồng nhân dân được tổ chức chậm nhất là bao nhiêu ngày trước ngày bầu cử?',
    options: [
      { text: '35 ngày', correct: true },
      { text: '25 ngày', correct: false },
      { text: '50 ngày', correct: false },
      { text: '65 ngày', correct: false },
    ],
    difficulty: 'hard',
    explanation:
      'Theo khoản 1 Điều 56 Luật Bầu cử năm 2015, hội nghị hiệp thương lần thứ ba ở mỗi cấp do Ban thường trực Ủy ban Mặt trận Tổ quốc Việt Nam cùng cấp tổ chức chậm nhất 35 ngày trước ngày bầu cử.',
  },
  {
    type: 'single',
    text: 'Số người trong danh sách ứng cử đại biểu Quốc hội ở mỗi đơn vị bầu cử phải nhiều hơn số đại biểu được bầu ấn định cho đơn vị đó ít nhất là bao nhiêu người?',
    options: [
      { text: 'Hai người', correct: true },
      { text: 'Một người', correct: false },
      { text: 'Ba người', correct: false },
      { text: 'Bằng một nửa số đại biểu được bầu', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Theo khoản 6 Điều 57 Luật Bầu cử năm 2015, số người trong danh sách ứng cử đại biểu Quốc hội ở mỗi đơn vị bầu cử phải nhiều hơn số đại biểu được bầu ít nhất là hai người.',
  },
  {
    type: 'true_false',
    text: 'Đơn vị bầu cử đại biểu Hội đồng nhân dân được bầu 5 đại biểu thì danh sách người ứng cử chỉ cần có ít nhất 7 người.',
    options: [
      { text: 'Đúng', correct: false },
      { text: 'Sai', correct: true },
    ],
    difficulty: 'hard',
    explanation:
      'Sai. Theo khoản 3 Điều 58 Luật Bầu cử năm 2015, đơn vị được bầu từ bốn đại biểu trở lên phải có số người ứng cử nhiều hơn số đại biểu được bầu ít nhất ba người, nên bầu 5 đại biểu thì cần ít nhất 8 người.',
  },
  {
    type: 'single',
    text: 'Theo Luật Bầu cử năm 2015, danh sách cử tri phải được niêm yết chậm nhất là bao nhiêu ngày trước ngày bầu cử?',
    options: [
      { text: '40 ngày', correct: true },
      { text: '30 ngày', correct: false },
      { text: '20 ngày', correct: false },
      { text: '60 ngày', correct: false },
    ],
    difficulty: 'easy',
    explanation:
      'Theo Điều 32 Luật Bầu cử năm 2015, chậm nhất 40 ngày trước ngày bầu cử, danh sách cử tri được niêm yết tại trụ sở Ủy ban nhân dân cấp xã và các địa điểm công cộng của khu vực bỏ phiếu.',
  },
  {
    type: 'multiple',
    text: 'Theo Luật Bầu cử năm 2015, những người nào sau đây không được ghi tên vào danh sách cử tri?',
    options: [
      { text: 'Người đang bị tước quyền bầu cử theo bản án, quyết định của Tòa án đã có hiệu lực pháp luật', correct: true },
      { text: 'Người đang phải chấp hành hình phạt tù mà không được hưởng án treo', correct: true },
      { text: 'Người bị mất năng lực hành vi dân sự', correct: true },
      { text: 'Người đang bị tạm giam', correct: false },
    ],
    difficulty: 'hard',
    explanation:
      'Theo Điều 30 Luật Bầu cử năm 2015, ba trường hợp đầu không được ghi tên vào danh sách cử tri; người đang bị tạm giam vẫn được bổ sung tên vào danh sách cử tri ở nơi có trại tạm giam để bầu cử.',
  },
  {
    type: 'single',
    text: 'Cử tri không thể tự viết được phiếu bầu thì được thực hiện quyền bầu cử như thế nào?',
    options: [
      { text: 'Nhờ người khác viết hộ nhưng phải tự mình bỏ phiếu vào hòm phiếu', correct: true },
      { text: 'Nhờ người thân đi bầu thay', correct: false },
      { text: 'Gửi phiếu bầu cho Tổ bầu cử qua đường bưu điện', correct: false },
      { text: 'Được miễn tham gia bỏ phiếu', correct: false },
    ],
    difficulty: 'easy',
    explanation:
      'Theo Điều 69 Luật Bầu cử năm 2015, cử tri không tự viết được phiếu bầu thì nhờ người khác viết hộ nhưng phải tự mình bỏ phiếu; người viết hộ phải bảo đảm bí mật phiếu bầu.',
  },
  {
    type: 'true_false',
    text: 'Cử tri bận công tác vào ngày bầu cử có thể ủy quyền cho người thân trong gia đình đi bỏ phiếu thay mình.',
    options: [
      { text: 'Đúng', correct: false },
      { text: 'Sai', correct: true },
    ],
    difficulty: 'easy',
    explanation:
      'Sai. Theo Điều 69 Luật Bầu cử năm 2015, cử tri phải tự mình đi bầu cử, không được nhờ người khác bầu cử thay, trừ các trường hợp đặc biệt luật quy định.',
  },
  {
    type: 'true_false',
    text: 'Khi cử tri viết phiếu bầu, không ai được xem, kể cả thành viên Tổ bầu cử.',
    options: [
      { text: 'Đúng', correct: true },
      { text: 'Sai', correct: false },
    ],
    difficulty: 'easy',
    explanation: 'Đúng. Điều 69 Luật Bầu cử năm 2015 quy định như vậy để bảo đảm nguyên tắc bỏ phiếu kín.',
  },
  {
    type: 'single',
    text: 'Cử tri ốm đau, già yếu, khuyết tật không thể đến phòng bỏ phiếu thì được bỏ phiếu bằng cách nào?',
    options: [
      { text: 'Tổ bầu cử mang hòm phiếu phụ và phiếu bầu đến chỗ ở, chỗ điều trị để cử tri nhận phiếu và bầu', correct: true },
      { text: 'Cử tri ủy quyền cho người khác đến phòng bỏ phiếu bầu thay', correct: false },
      { text: 'Cử tri gửi phiếu bầu qua đường bưu điện', correct: false },
      { text: 'Cử tri được xóa tên khỏi danh sách cử tri', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Theo Điều 69 Luật Bầu cử năm 2015, trong trường hợp này Tổ bầu cử mang hòm phiếu phụ và phiếu bầu đến chỗ ở, chỗ điều trị của cử tri để cử tri nhận phiếu bầu và thực hiện việc bầu cử.',
  },
  {
    type: 'single',
    text: 'Theo quy định, việc bỏ phiếu trong ngày bầu cử bắt đầu và kết thúc vào thời gian nào?',
    options: [
      { text: 'Từ 7 giờ sáng đến 7 giờ tối cùng ngày', correct: true },
      { text: 'Từ 6 giờ sáng đến 6 giờ tối cùng ngày', correct: false },
      { text: 'Từ 7 giờ sáng đến 5 giờ chiều cùng ngày', correct: false },
      { text: 'Từ 8 giờ sáng đến 8 giờ tối cùng ngày', correct: false },
    ],
    difficulty: 'easy',
    explanation: 'Theo khoản 1 Điều 71 Luật Bầu cử năm 2015, việc bỏ phiếu bắt đầu từ bảy giờ sáng đến bảy giờ tối cùng ngày.',
  },
  {
    type: 'single',
    text: 'Tùy tình hình địa phương, Tổ bầu cử có thể cho bắt đầu bỏ phiếu sớm hơn hoặc kết thúc muộn hơn nhưng trong giới hạn nào?',
    options: [
      { text: 'Không trước 5 giờ sáng và không quá 9 giờ tối cùng ngày', correct: true },
      { text: 'Không trước 6 giờ sáng và không quá 8 giờ tối cùng ngày', correct: false },
      { text: 'Không trước 4 giờ sáng và không quá 10 giờ tối cùng ngày', correct: false },
      { text: 'Không trước 5 giờ sáng và không quá 12 giờ đêm cùng ngày', correct: false },
    ],
    difficulty: 'hard',
    explanation:
      'Theo khoản 1 Điều 71 Luật Bầu cử năm 2015, Tổ bầu cử có thể cho bắt đầu sớm hơn nhưng không trước năm giờ sáng hoặc kết thúc muộn hơn nhưng không quá chín giờ tối cùng ngày.',
  },
  {
    type: 'true_false',
    text: 'Người ứng cử được tiếp tục vận động bầu cử cho đến khi Tổ bầu cử đóng hòm phiếu.',
    options: [
      { text: 'Đúng', correct: false },
      { text: 'Sai', correct: true },
    ],
    difficulty: 'medium',
    explanation:
      'Sai. Theo Điều 64 Luật Bầu cử năm 2015, thời gian vận động bầu cử bắt đầu từ ngày công bố danh sách chính thức những người ứng cử và kết thúc trước thời điểm bắt đầu bỏ phiếu 24 giờ.',
  },
  {
    type: 'multiple',
    text: 'Người ứng cử được vận động bầu cử bằng những hình thức nào sau đây?',
    options: [
      { text: 'Gặp gỡ, tiếp xúc với cử tri tại hội nghị tiếp xúc cử tri ở địa phương nơi mình ứng cử', correct: true },
      { text: 'Thông qua các phương tiện thông tin đại chúng', correct: true },
      { text: 'Tặng quà, hỗ trợ vật chất cho cử tri', correct: false },
      { text: 'Tự in và phát tờ rơi vận động tại nơi công cộng', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Theo Điều 65 Luật Bầu cử năm 2015, việc vận động bầu cử được tiến hành qua hội nghị tiếp xúc cử tri và qua phương tiện thông tin đại chúng; dùng lợi ích vật chất để lôi kéo cử tri là hành vi bị cấm.',
  },
  {
    type: 'single',
    text: 'Việc kiểm phiếu được tiến hành ở đâu và khi nào?',
    options: [
      { text: 'Tại phòng bỏ phiếu, ngay sau khi cuộc bỏ phiếu kết thúc', correct: true },
      { text: 'Tại trụ sở Ủy ban nhân dân cấp xã, vào sáng hôm sau ngày bầu cử', correct: false },
      { text: 'Tại trụ sở Ban bầu cử, sau khi nhận đủ hòm phiếu của các Tổ bầu cử', correct: false },
      { text: 'Tại trụ sở Ủy ban bầu cử ở tỉnh, trong vòng 3 ngày sau ngày bầu cử', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Theo Điều 73 Luật Bầu cử năm 2015, việc kiểm phiếu phải được tiến hành tại phòng bỏ phiếu ngay sau khi cuộc bỏ phiếu kết thúc.',
  },
  {
    type: 'multiple',
    text: 'Theo Luật Bầu cử năm 2015, những phiếu bầu nào sau đây là phiếu bầu không hợp lệ?',
    options: [
      { text: 'Phiếu không theo mẫu quy định do Tổ bầu cử phát ra', correct: true },
      { text: 'Phiếu không có dấu của Tổ bầu cử', correct: true },
      { text: 'Phiếu gạch xóa hết tên những người ứng cử', correct: true },
      { text: 'Phiếu gạch tên một số người ứng cử mà cử tri không tín nhiệm', correct: false },
    ],
    difficulty: 'hard',
    explanation:
      'Theo Điều 74 Luật Bầu cử năm 2015, ba trường hợp đầu là phiếu không hợp lệ; gạch ngang tên người mình không tín nhiệm là cách bầu đúng quy định, miễn số người được bầu không vượt số đại biểu ấn định.',
  },
  {
    type: 'single',
    text: 'Người trúng cử đại biểu phải đạt số phiếu bầu như thế nào?',
    options: [
      { text: 'Quá một nửa tổng số phiếu bầu hợp lệ', correct: true },
      { text: 'Quá một nửa tổng số cử tri trong danh sách cử tri', correct: false },
      { text: 'Từ hai phần ba tổng số phiếu bầu hợp lệ trở lên', correct: false },
      { text: 'Nhiều phiếu nhất, không phụ thuộc tỷ lệ phiếu', correct: false },
    ],
    difficulty: 'medium',
    explanation: 'Theo Điều 78 Luật Bầu cử năm 2015, người trúng cử phải là người ứng cử đạt số phiếu bầu quá một nửa tổng số phiếu bầu hợp lệ.',
  },
  {
    type: 'true_false',
    text: 'Kết quả bầu cử chỉ được công nhận khi có quá một nửa tổng số cử tri trong danh sách cử tri tại đơn vị bầu cử tham gia bầu cử (trừ trường hợp bầu cử lại).',
    options: [
      { text: 'Đúng', correct: true },
      { text: 'Sai', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Đúng. Theo Điều 78 Luật Bầu cử năm 2015, kết quả bầu cử được tính trên số phiếu hợp lệ và chỉ được công nhận khi quá một nửa tổng số cử tri trong danh sách tham gia bầu cử; nếu bầu cử lại vẫn chưa đạt thì kết quả bầu cử lại được công nhận.',
  },
  {
    type: 'single',
    text: 'Cuối danh sách trúng cử có nhiều người được số phiếu bằng nhau và nhiều hơn số đại biểu được bầu thì ai là người trúng cử?',
    options: [
      { text: 'Người nhiều tuổi hơn', correct: true },
      { text: 'Người được chọn bằng hình thức bốc thăm', correct: false },
      { text: 'Người được Hội đồng bầu cử quốc gia chỉ định', correct: false },
      { text: 'Tổ chức bầu cử lại giữa những người có số phiếu bằng nhau', correct: false },
    ],
    difficulty: 'hard',
    explanation: 'Theo Điều 78 Luật Bầu cử năm 2015, trong trường hợp này người nhiều tuổi hơn là người trúng cử.',
  },
  {
    type: 'single',
    text: 'Theo Luật Bầu cử năm 2015 (áp dụng cho cuộc bầu cử năm 2021), Hội đồng bầu cử quốc gia công bố kết quả bầu cử và danh sách những người trúng cử đại biểu Quốc hội chậm nhất là bao nhiêu ngày sau ngày bầu cử?',
    options: [
      { text: '20 ngày', correct: true },
      { text: '10 ngày', correct: false },
      { text: '15 ngày', correct: false },
      { text: '30 ngày', correct: false },
    ],
    difficulty: 'hard',
    explanation:
      'Theo Điều 86 Luật Bầu cử năm 2015, kết quả bầu cử đại biểu Quốc hội được công bố chậm nhất 20 ngày sau ngày bầu cử; với cuộc bầu cử 23/5/2021, hạn công bố là ngày 12/6/2021 (luật sửa đổi năm 2025 rút ngắn thời hạn này còn 10 ngày).',
  },
  {
    type: 'single',
    text: 'Cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021–2026 được tổ chức vào ngày nào?',
    options: [
      { text: 'Chủ nhật, ngày 23/5/2021', correct: true },
      { text: 'Chủ nhật, ngày 16/5/2021', correct: false },
      { text: 'Chủ nhật, ngày 30/5/2021', correct: false },
      { text: 'Thứ Bảy, ngày 22/5/2021', correct: false },
    ],
    difficulty: 'easy',
    explanation:
      'Theo Nghị quyết số 133/2020/QH14 ngày 17/11/2020 của Quốc hội, ngày bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021–2026 là Chủ nhật, ngày 23/5/2021.',
  },
  {
    type: 'single',
    text: 'Cuộc bầu cử ngày 23/5/2021 bầu ra đại biểu Quốc hội khóa mấy?',
    options: [
      { text: 'Khóa XV', correct: true },
      { text: 'Khóa XIV', correct: false },
      { text: 'Khóa XVI', correct: false },
      { text: 'Khóa XIII', correct: false },
    ],
    difficulty: 'easy',
    explanation: 'Theo Nghị quyết số 133/2020/QH14, cuộc bầu cử ngày 23/5/2021 bầu đại biểu Quốc hội khóa XV (nhiệm kỳ 2021–2026).',
  },
  {
    type: 'single',
    text: 'Quốc hội quyết định ngày bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021–2026 bằng văn bản nào?',
    options: [
      { text: 'Nghị quyết số 133/2020/QH14', correct: true },
      { text: 'Nghị quyết số 1185/NQ-UBTVQH14', correct: false },
      { text: 'Nghị quyết số 64/NQ-HĐBCQG', correct: false },
      { text: 'Luật số 85/2015/QH13', correct: false },
    ],
    difficulty: 'hard',
    explanation:
      'Quốc hội khóa XIV ban hành Nghị quyết số 133/2020/QH14 ngày 17/11/2020 quyết định ngày bầu cử là Chủ nhật 23/5/2021; Nghị quyết 1185 của Ủy ban Thường vụ Quốc hội chỉ dự kiến số lượng, cơ cấu đại biểu.',
  },
  {
    type: 'single',
    text: 'Theo Hội đồng bầu cử quốc gia, tỷ lệ cử tri cả nước đi bỏ phiếu trong cuộc bầu cử ngày 23/5/2021 là bao nhiêu?',
    options: [
      { text: '99,60%', correct: true },
      { text: '99,35%', correct: false },
      { text: '98,77%', correct: false },
      { text: '99,99%', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Theo báo cáo tổng kết cuộc bầu cử của Hội đồng bầu cử quốc gia, hơn 69,5 triệu cử tri đã đi bỏ phiếu, đạt tỷ lệ 99,60%.',
  },
  {
    type: 'single',
    text: 'Có bao nhiêu người được Hội đồng bầu cử quốc gia công bố trúng cử đại biểu Quốc hội khóa XV?',
    options: [
      { text: '499 người', correct: true },
      { text: '500 người', correct: false },
      { text: '496 người', correct: false },
      { text: '494 người', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Theo Nghị quyết số 748/NQ-HĐBCQG của Hội đồng bầu cử quốc gia, có 499 người trúng cử đại biểu Quốc hội khóa XV.',
  },
  {
    type: 'single',
    text: 'Cả nước có bao nhiêu đơn vị bầu cử đại biểu Quốc hội khóa XV?',
    options: [
      { text: '184 đơn vị', correct: true },
      { text: '182 đơn vị', correct: false },
      { text: '190 đơn vị', correct: false },
      { text: '176 đơn vị', correct: false },
    ],
    difficulty: 'hard',
    explanation:
      'Theo Nghị quyết của Hội đồng bầu cử quốc gia về đơn vị bầu cử, cả nước có 184 đơn vị bầu cử đại biểu Quốc hội khóa XV; Hà Nội và TP. Hồ Chí Minh mỗi nơi có 10 đơn vị.',
  },
  {
    type: 'single',
    text: 'Quốc hội khóa XV có 151 đại biểu nữ. Tỷ lệ này là bao nhiêu trên tổng số người trúng cử?',
    options: [
      { text: '30,26%', correct: true },
      { text: '26,80%', correct: false },
      { text: '27,31%', correct: false },
      { text: '35,00%', correct: false },
    ],
    difficulty: 'hard',
    explanation:
      'Theo báo cáo tổng kết cuộc bầu cử của Hội đồng bầu cử quốc gia, đại biểu nữ có 151 người, chiếm 30,26%, cao hơn tỷ lệ 26,80% của Quốc hội khóa XIV.',
  },
  {
    type: 'single',
    text: 'Trong cuộc bầu cử đại biểu Quốc hội khóa XV, có bao nhiêu người tự ứng cử đã trúng cử?',
    options: [
      { text: '4 người', correct: true },
      { text: '2 người', correct: false },
      { text: '9 người', correct: false },
      { text: 'Không có người nào', correct: false },
    ],
    difficulty: 'hard',
    explanation: 'Theo báo cáo tổng kết cuộc bầu cử của Hội đồng bầu cử quốc gia, có 4 người tự ứng cử trúng cử đại biểu Quốc hội khóa XV (0,8%).',
  },
  {
    type: 'single',
    text: 'Đại biểu Hội đồng nhân dân các cấp được bầu ngày 23/5/2021 có nhiệm kỳ nào?',
    options: [
      { text: '2021–2026', correct: true },
      { text: '2020–2025', correct: false },
      { text: '2021–2025', correct: false },
      { text: '2016–2021', correct: false },
    ],
    difficulty: 'easy',
    explanation: 'Theo Nghị quyết số 133/2020/QH14, cuộc bầu cử ngày 23/5/2021 bầu đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021–2026.',
  },
  {
    type: 'single',
    text: 'Cuộc Tổng tuyển cử đầu tiên bầu Quốc hội khóa I của nước Việt Nam Dân chủ Cộng hòa diễn ra vào ngày nào?',
    options: [
      { text: 'Ngày 6/1/1946', correct: true },
      { text: 'Ngày 2/9/1945', correct: false },
      { text: 'Ngày 19/12/1946', correct: false },
      { text: 'Ngày 6/1/1945', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Tổng tuyển cử đầu tiên bầu Quốc hội khóa I diễn ra ngày 6/1/1946; cuộc bầu cử năm 2021 diễn ra vào dịp kỷ niệm 75 năm sự kiện này.',
  },
  {
    type: 'single',
    text: 'Kỳ họp thứ nhất của Quốc hội khóa XV khai mạc vào ngày nào?',
    options: [
      { text: 'Ngày 20/7/2021', correct: true },
      { text: 'Ngày 12/6/2021', correct: false },
      { text: 'Ngày 1/7/2021', correct: false },
      { text: 'Ngày 2/9/2021', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Theo thông báo của Hội đồng bầu cử quốc gia và Văn phòng Quốc hội, kỳ họp thứ nhất Quốc hội khóa XV khai mạc ngày 20/7/2021, sau khi xác nhận tư cách đại biểu trúng cử.',
  },
];

const PARTY_CONGRESS_XIII: DemoQuestion[] = [
  {
    type: 'single',
    text: 'Đại hội đại biểu toàn quốc lần thứ XIII của Đảng diễn ra trong thời gian nào?',
    options: [
      { text: 'Từ ngày 25/1 đến ngày 1/2/2021', correct: true },
      { text: 'Từ ngày 20/1 đến ngày 28/1/2021', correct: false },
      { text: 'Từ ngày 20/1 đến ngày 28/1/2016', correct: false },
      { text: 'Từ ngày 25/1 đến ngày 5/2/2021', correct: false },
    ],
    difficulty: 'easy',
    explanation:
      'Theo Nghị quyết Đại hội XIII, Đại hội họp từ ngày 25/1 (phiên trù bị) đến ngày 1/2/2021 tại Thủ đô Hà Nội.',
  },
  {
    type: 'single',
    text: 'Đại hội đại biểu toàn quốc lần thứ XIII của Đảng được tổ chức tại đâu?',
    options: [
      { text: 'Trung tâm Hội nghị Quốc gia, Hà Nội', correct: true },
      { text: 'Hội trường Ba Đình, Hà Nội', correct: false },
      { text: 'Nhà Quốc hội, Hà Nội', correct: false },
      { text: 'Cung Văn hóa Hữu nghị Việt Xô, Hà Nội', correct: false },
    ],
    difficulty: 'easy',
    explanation: 'Theo các thông cáo báo chí về Đại hội, Đại hội XIII khai mạc ngày 26/1/2021 tại Trung tâm Hội nghị Quốc gia (Mỹ Đình, Hà Nội).',
  },
  {
    type: 'true_false',
    text: 'Đại hội XIII của Đảng bế mạc ngày 2/2/2021, đúng như chương trình dự kiến ban đầu.',
    options: [
      { text: 'Đúng', correct: false },
      { text: 'Sai', correct: true },
    ],
    difficulty: 'easy',
    explanation:
      'Sai. Theo chương trình, Đại hội dự kiến diễn ra đến ngày 2/2/2021, nhưng đã hoàn thành chương trình và bế mạc sớm một ngày, vào ngày 1/2/2021.',
  },
  {
    type: 'single',
    text: 'Bao nhiêu đại biểu chính thức đã tham dự Đại hội đại biểu toàn quốc lần thứ XIII của Đảng?',
    options: [
      { text: '1.587 đại biểu', correct: true },
      { text: '1.510 đại biểu', correct: false },
      { text: '1.586 đại biểu', correct: false },
      { text: '1.600 đại biểu', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Theo báo cáo thẩm tra tư cách đại biểu, Đại hội XIII có 1.587 đại biểu, gồm 191 đại biểu đương nhiên, 1.381 đại biểu do các đảng bộ trực thuộc Trung ương bầu và 15 đại biểu được chỉ định.',
  },
  {
    type: 'single',
    text: 'Phương châm của Đại hội XIII của Đảng là gì?',
    options: [
      { text: 'Đoàn kết – Dân chủ – Kỷ cương – Sáng tạo – Phát triển', correct: true },
      { text: 'Đoàn kết – Dân chủ – Kỷ cương – Đột phá – Phát triển', correct: false },
      { text: 'Đoàn kết – Dân chủ – Kỷ cương – Đổi mới', correct: false },
      { text: 'Đoàn kết – Đổi mới – Hội nhập – Phát triển', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Đại hội XIII được tổ chức với phương châm “Đoàn kết – Dân chủ – Kỷ cương – Sáng tạo – Phát triển”; Đại hội XII là “Đoàn kết – Dân chủ – Kỷ cương – Đổi mới”.',
  },
  {
    type: 'multiple',
    text: 'Những cụm từ nào sau đây có trong chủ đề của Đại hội XIII của Đảng?',
    options: [
      { text: 'Tăng cường xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh', correct: true },
      { text: 'Khơi dậy khát vọng phát triển đất nước', correct: true },
      { text: 'Giữ vững môi trường hòa bình, ổn định', correct: true },
      { text: 'Tự chủ chiến lược, tiến mạnh trong kỷ nguyên vươn mình của dân tộc', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Chủ đề Đại hội XIII gồm các nội dung: tăng cường xây dựng, chỉnh đốn Đảng…; khơi dậy khát vọng phát triển đất nước…; xây dựng và bảo vệ vững chắc Tổ quốc, giữ vững môi trường hòa bình, ổn định; cụm từ “kỷ nguyên vươn mình” thuộc chủ đề Đại hội XIV.',
  },
  {
    type: 'single',
    text: 'Theo chủ đề Đại hội XIII, phấn đấu đến giữa thế kỷ XXI, nước ta trở thành nước như thế nào?',
    options: [
      { text: 'Nước phát triển, theo định hướng xã hội chủ nghĩa', correct: true },
      { text: 'Nước công nghiệp theo hướng hiện đại', correct: false },
      { text: 'Nước đang phát triển, có thu nhập trung bình cao', correct: false },
      { text: 'Nước công nghiệp hiện đại, thu nhập trung bình', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Chủ đề Đại hội XIII kết thúc bằng mục tiêu: “phấn đấu đến giữa thế kỷ XXI, nước ta trở thành nước phát triển, theo định hướng xã hội chủ nghĩa”.',
  },
  {
    type: 'single',
    text: 'Theo Nghị quyết Đại hội XIII, mục tiêu đến năm 2025 của nước ta là gì?',
    options: [
      { text: 'Là nước đang phát triển, có công nghiệp theo hướng hiện đại, vượt qua mức thu nhập trung bình thấp', correct: true },
      { text: 'Là nước đang phát triển, có công nghiệp hiện đại, thu nhập trung bình cao', correct: false },
      { text: 'Trở thành nước phát triển, thu nhập cao', correct: false },
      { text: 'Cơ bản trở thành nước công nghiệp theo hướng hiện đại', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Theo Nghị quyết Đại hội XIII, đến năm 2025 (kỷ niệm 50 năm giải phóng miền Nam, thống nhất đất nước) nước ta là nước đang phát triển, có công nghiệp theo hướng hiện đại, vượt qua mức thu nhập trung bình thấp.',
  },
  {
    type: 'single',
    text: 'Theo Nghị quyết Đại hội XIII, mục tiêu đến năm 2030 của nước ta là gì?',
    options: [
      { text: 'Là nước đang phát triển, có công nghiệp hiện đại, thu nhập trung bình cao', correct: true },
      { text: 'Là nước đang phát triển, có công nghiệp theo hướng hiện đại, vượt qua mức thu nhập trung bình thấp', correct: false },
      { text: 'Trở thành nước phát triển, thu nhập cao', correct: false },
      { text: 'Trở thành nước công nghiệp hiện đại, thu nhập cao', correct: false },
    ],
    difficulty: 'easy',
    explanation:
      'Theo Nghị quyết Đại hội XIII, đến năm 2030 (kỷ niệm 100 năm thành lập Đảng) nước ta là nước đang phát triển, có công nghiệp hiện đại, thu nhập trung bình cao.',
  },
  {
    type: 'single',
    text: 'Theo Nghị quyết Đại hội XIII, tầm nhìn đến năm 2045 là đưa nước ta trở thành nước như thế nào?',
    options: [
      { text: 'Nước phát triển, thu nhập cao', correct: true },
      { text: 'Nước đang phát triển, thu nhập trung bình cao', correct: false },
      { text: 'Nước công nghiệp theo hướng hiện đại', correct: false },
      { text: 'Nước đang phát triển, có công nghiệp hiện đại', correct: false },
    ],
    difficulty: 'easy',
    explanation:
      'Theo Nghị quyết Đại hội XIII, đến năm 2045 (kỷ niệm 100 năm thành lập nước, nay là nước Cộng hòa xã hội chủ nghĩa Việt Nam) nước ta trở thành nước phát triển, thu nhập cao.',
  },
  {
    type: 'single',
    text: 'Mốc năm 2030 trong các mục tiêu của Đại hội XIII gắn với sự kiện kỷ niệm nào?',
    options: [
      { text: '100 năm thành lập Đảng Cộng sản Việt Nam', correct: true },
      { text: '100 năm thành lập nước Việt Nam Dân chủ Cộng hòa', correct: false },
      { text: '50 năm giải phóng miền Nam, thống nhất đất nước', correct: false },
      { text: '50 năm thực hiện công cuộc đổi mới', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Theo Văn kiện Đại hội XIII, năm 2030 là năm kỷ niệm 100 năm thành lập Đảng (3/2/1930); năm 2045 kỷ niệm 100 năm thành lập nước và năm 2025 kỷ niệm 50 năm giải phóng miền Nam.',
  },
  {
    type: 'single',
    text: 'Ban Chấp hành Trung ương Đảng khóa XIII được Đại hội bầu gồm bao nhiêu đồng chí?',
    options: [
      { text: '200 đồng chí (180 Ủy viên chính thức, 20 Ủy viên dự khuyết)', correct: true },
      { text: '180 đồng chí (160 Ủy viên chính thức, 20 Ủy viên dự khuyết)', correct: false },
      { text: '200 đồng chí (170 Ủy viên chính thức, 30 Ủy viên dự khuyết)', correct: false },
      { text: '210 đồng chí (190 Ủy viên chính thức, 20 Ủy viên dự khuyết)', correct: false },
    ],
    difficulty: 'easy',
    explanation: 'Đại hội XIII đã bầu Ban Chấp hành Trung ương khóa XIII gồm 200 đồng chí: 180 Ủy viên chính thức và 20 Ủy viên dự khuyết.',
  },
  {
    type: 'single',
    text: 'Bộ Chính trị khóa XIII được bầu tại Hội nghị lần thứ nhất Ban Chấp hành Trung ương khóa XIII gồm bao nhiêu đồng chí?',
    options: [
      { text: '18 đồng chí', correct: true },
      { text: '19 đồng chí', correct: false },
      { text: '17 đồng chí', correct: false },
      { text: '16 đồng chí', correct: false },
    ],
    difficulty: 'medium',
    explanation: 'Hội nghị lần thứ nhất Ban Chấp hành Trung ương khóa XIII (ngày 31/1/2021) đã bầu Bộ Chính trị gồm 18 đồng chí.',
  },
  {
    type: 'single',
    text: 'Đồng chí nào được Ban Chấp hành Trung ương khóa XIII bầu làm Tổng Bí thư tại Hội nghị lần thứ nhất?',
    options: [
      { text: 'Nguyễn Phú Trọng', correct: true },
      { text: 'Nguyễn Xuân Phúc', correct: false },
      { text: 'Vương Đình Huệ', correct: false },
      { text: 'Phạm Minh Chính', correct: false },
    ],
    difficulty: 'easy',
    explanation: 'Ngày 31/1/2021, Hội nghị lần thứ nhất Ban Chấp hành Trung ương khóa XIII đã bầu đồng chí Nguyễn Phú Trọng tiếp tục giữ chức Tổng Bí thư.',
  },
  {
    type: 'single',
    text: 'Báo cáo chính trị tại Đại hội XIII xác định bao nhiêu nhiệm vụ trọng tâm trong nhiệm kỳ?',
    options: [
      { text: '6 nhiệm vụ trọng tâm', correct: true },
      { text: '3 nhiệm vụ trọng tâm', correct: false },
      { text: '5 nhiệm vụ trọng tâm', correct: false },
      { text: '12 nhiệm vụ trọng tâm', correct: false },
    ],
    difficulty: 'easy',
    explanation: 'Báo cáo chính trị Đại hội XIII nêu 6 nhiệm vụ trọng tâm và 3 đột phá chiến lược cho nhiệm kỳ khóa XIII.',
  },
  {
    type: 'true_false',
    text: 'Trong 6 nhiệm vụ trọng tâm nhiệm kỳ Đại hội XIII, nhiệm vụ được nêu đầu tiên là đẩy mạnh chuyển đổi số quốc gia.',
    options: [
      { text: 'Đúng', correct: false },
      { text: 'Sai', correct: true },
    ],
    difficulty: 'medium',
    explanation:
      'Sai. Theo Báo cáo chính trị Đại hội XIII, nhiệm vụ trọng tâm thứ nhất là tiếp tục đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh toàn diện.',
  },
  {
    type: 'single',
    text: 'So với Đại hội XII, các nhiệm vụ trọng tâm của Đại hội XIII được bổ sung một nhiệm vụ riêng về lĩnh vực nào?',
    options: [
      { text: 'Quản lý tài nguyên, bảo vệ môi trường, thích ứng với biến đổi khí hậu', correct: true },
      { text: 'Cổ phần hóa doanh nghiệp nhà nước', correct: false },
      { text: 'Phát triển du lịch thành ngành kinh tế mũi nhọn', correct: false },
      { text: 'Xây dựng nông thôn mới kiểu mẫu', correct: false },
    ],
    difficulty: 'hard',
    explanation:
      'Theo Báo cáo chính trị Đại hội XIII, điểm mới trong cơ cấu các nhiệm vụ trọng tâm là có thêm nhiệm vụ về quản lý tài nguyên, bảo vệ môi trường và chủ động thích ứng với biến đổi khí hậu.',
  },
  {
    type: 'multiple',
    text: 'Những nội dung nào sau đây là đột phá chiến lược được Đại hội XIII xác định?',
    options: [
      { text: 'Hoàn thiện đồng bộ thể chế phát triển, trước hết là thể chế kinh tế thị trường định hướng xã hội chủ nghĩa', correct: true },
      { text: 'Phát triển nguồn nhân lực, nhất là nguồn nhân lực chất lượng cao', correct: true },
      { text: 'Xây dựng hệ thống kết cấu hạ tầng đồng bộ, hiện đại cả về kinh tế và xã hội', correct: true },
      { text: 'Ưu tiên khai thác tài nguyên khoáng sản để tăng nguồn thu ngân sách', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Đại hội XIII xác định ba đột phá chiến lược: thể chế; nguồn nhân lực, nhất là nhân lực chất lượng cao; hệ thống kết cấu hạ tầng đồng bộ, hiện đại — kế thừa và cụ thể hóa các đột phá từ Đại hội XI, XII.',
  },
  {
    type: 'single',
    text: 'Văn kiện Đại hội XIII nêu bao nhiêu định hướng phát triển đất nước giai đoạn 2021–2030?',
    options: [
      { text: '12 định hướng', correct: true },
      { text: '10 định hướng', correct: false },
      { text: '6 định hướng', correct: false },
      { text: '15 định hướng', correct: false },
    ],
    difficulty: 'hard',
    explanation: 'Báo cáo chính trị Đại hội XIII đề ra 12 định hướng phát triển đất nước giai đoạn 2021–2030.',
  },
  {
    type: 'single',
    text: 'Đại hội XIII bổ sung thành tố nào vào phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát”?',
    options: [
      { text: 'Dân thụ hưởng', correct: true },
      { text: 'Dân quyết định', correct: false },
      { text: 'Dân đánh giá', correct: false },
      { text: 'Dân làm chủ', correct: false },
    ],
    difficulty: 'easy',
    explanation:
      'Văn kiện Đại hội XIII bổ sung “dân thụ hưởng”, thành phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”.',
  },
  {
    type: 'true_false',
    text: 'Đại hội XIII xác định: phát triển kinh tế - xã hội là trung tâm; xây dựng Đảng là then chốt; phát triển văn hóa là nền tảng tinh thần; bảo đảm quốc phòng, an ninh là trọng yếu, thường xuyên.',
    options: [
      { text: 'Đúng', correct: true },
      { text: 'Sai', correct: false },
    ],
    difficulty: 'medium',
    explanation: 'Đúng. Đây là một trong các quan điểm chỉ đạo được nêu trong Báo cáo chính trị tại Đại hội XIII của Đảng.',
  },
  {
    type: 'single',
    text: 'Nghị quyết Đại hội XIII khẳng định: “Con người là trung tâm, chủ thể, là nguồn lực chủ yếu và là … của sự phát triển”. Hãy điền cụm từ còn thiếu.',
    options: [
      { text: 'mục tiêu', correct: true },
      { text: 'động lực', correct: false },
      { text: 'thước đo', correct: false },
      { text: 'phương tiện', correct: false },
    ],
    difficulty: 'medium',
    explanation: 'Văn kiện Đại hội XIII nêu: “Con người là trung tâm, chủ thể, là nguồn lực chủ yếu và là mục tiêu của sự phát triển”.',
  },
  {
    type: 'multiple',
    text: 'Theo quan điểm chỉ đạo của Đại hội XIII, Đảng ta kiên định những nội dung nào sau đây?',
    options: [
      { text: 'Chủ nghĩa Mác – Lênin, tư tưởng Hồ Chí Minh', correct: true },
      { text: 'Mục tiêu độc lập dân tộc và chủ nghĩa xã hội', correct: true },
      { text: 'Đường lối đổi mới của Đảng', correct: true },
      { text: 'Mô hình tăng trưởng dựa chủ yếu vào vốn và lao động giá rẻ', correct: false },
    ],
    difficulty: 'hard',
    explanation:
      'Quan điểm chỉ đạo thứ nhất của Đại hội XIII nêu: kiên định và vận dụng, phát triển sáng tạo chủ nghĩa Mác – Lênin, tư tưởng Hồ Chí Minh; kiên định mục tiêu độc lập dân tộc và chủ nghĩa xã hội; kiên định đường lối đổi mới; kiên định các nguyên tắc xây dựng Đảng.',
  },
  {
    type: 'single',
    text: 'Theo Đại hội XIII, phát triển nhanh và bền vững cần dựa chủ yếu vào yếu tố nào?',
    options: [
      { text: 'Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số', correct: true },
      { text: 'Khai thác tài nguyên thiên nhiên và lao động giá rẻ', correct: false },
      { text: 'Vốn đầu tư nước ngoài và vay nợ', correct: false },
      { text: 'Mở rộng quy mô vốn và lao động', correct: false },
    ],
    difficulty: 'easy',
    explanation:
      'Văn kiện Đại hội XIII (Chiến lược phát triển kinh tế - xã hội 2021–2030) xác định phát triển nhanh và bền vững dựa chủ yếu vào khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.',
  },
  {
    type: 'single',
    text: 'Các văn kiện Đại hội XIII đánh giá bao nhiêu năm thực hiện công cuộc đổi mới?',
    options: [
      { text: '35 năm', correct: true },
      { text: '30 năm', correct: false },
      { text: '40 năm', correct: false },
      { text: '25 năm', correct: false },
    ],
    difficulty: 'medium',
    explanation:
      'Văn kiện Đại hội XIII kiểm điểm Nghị quyết Đại hội XII gắn với đánh giá 35 năm đổi mới (1986–2021), 30 năm thực hiện Cương lĩnh 1991 và 10 năm thực hiện Cương lĩnh bổ sung, phát triển năm 2011.',
  },
  {
    type: 'single',
    text: 'Theo Nghị quyết Đại hội XIII, tốc độ tăng trưởng kinh tế (GDP) bình quân giai đoạn 2021–2025 phấn đấu đạt bao nhiêu?',
    options: [
      { text: 'Khoảng 6,5–7%/năm', correct: true },
      { text: 'Khoảng 5,5–6%/năm', correct: false },
      { text: 'Khoảng 7,5–8%/năm', correct: false },
      { text: 'Trên 10%/năm', correct: false },
    ],
    difficulty: 'medium',
    explanation: 'Nghị quyết Đại hội XIII đặt chỉ tiêu tốc độ tăng trưởng GDP bình quân 5 năm 2021–2025 khoảng 6,5–7%/năm.',
  },
  {
    type: 'single',
    text: 'Theo Nghị quyết Đại hội XIII, GDP bình quân đầu người đến năm 2025 phấn đấu đạt khoảng bao nhiêu?',
    options: [
      { text: 'Khoảng 4.700–5.000 USD', correct: true },
      { text: 'Khoảng 3.200–3.500 USD', correct: false },
      { text: 'Khoảng 5.500–6.000 USD', correct: false },
      { text: 'Khoảng 7.500 USD', correct: false },
    ],
    difficulty: 'hard',
    explanation:
      'Nghị quyết Đại hội XIII đặt mục tiêu GDP bình quân đầu người năm 2025 khoảng 4.700–5.000 USD; mức khoảng 7.500 USD là mục tiêu đến năm 2030.',
  },
  {
    type: 'single',
    text: 'Theo Nghị quyết Đại hội XIII, đến năm 2025 kinh tế số phấn đấu chiếm khoảng bao nhiêu phần trăm GDP?',
    options: [
      { text: 'Khoảng 20%', correct: true },
      { text: 'Khoảng 10%', correct: false },
      { text: 'Khoảng 30%', correct: false },
      { text: 'Khoảng 40%', correct: false },
    ],
    difficulty: 'hard',
    explanation: 'Nghị quyết Đại hội XIII đặt chỉ tiêu kinh tế số đạt khoảng 20% GDP vào năm 2025 (và khoảng 30% GDP vào năm 2030).',
  },
  {
    type: 'true_false',
    text: 'Nghị quyết Đại hội XIII đặt chỉ tiêu đến năm 2025 tỷ lệ tham gia bảo hiểm y tế đạt 95% dân số.',
    options: [
      { text: 'Đúng', correct: true },
      { text: 'Sai', correct: false },
    ],
    difficulty: 'hard',
    explanation: 'Đúng. Trong nhóm chỉ tiêu xã hội giai đoạn 2021–2025, Nghị quyết Đại hội XIII đặt mục tiêu tỷ lệ tham gia bảo hiểm y tế đạt 95% dân số.',
  },
  {
    type: 'multiple',
    text: 'Những chỉ tiêu nào sau đây đúng với mục tiêu đến năm 2025 trong Nghị quyết Đại hội XIII?',
    options: [
      { text: 'Tỷ lệ đô thị hóa khoảng 45%', correct: true },
      { text: 'Tuổi thọ trung bình khoảng 74,5 tuổi', correct: true },
      { text: 'Tỷ lệ lao động qua đào tạo đạt 70%', correct: true },
      { text: 'Tỷ trọng công nghiệp chế biến, chế tạo đạt trên 40% GDP', correct: false },
    ],
    difficulty: 'hard',
    explanation:
      'Theo Nghị quyết Đại hội XIII, đến năm 2025 tỷ lệ đô thị hóa khoảng 45%, tuổi thọ trung bình khoảng 74,5 tuổi, tỷ lệ lao động qua đào tạo 70%; tỷ trọng công nghiệp chế biến, chế tạo đặt mục tiêu trên 25% GDP.',
  },
];

export const DEMO_TOPICS: DemoTopic[] = [
  { name: 'Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân', questions: ELECTION_LAW },
  { name: 'Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng', questions: PARTY_CONGRESS_XIII },
];
