/**
 * Phrase tables for synthetic directive prose on công tác dân vận. Written for the
 * generator (no sentence is taken from a real document): short clauses that combine
 * into plausible sentences, keyed by the topic ids of content/registries/topics.yaml so
 * that a document's text matches its topics.
 */

export interface TopicPhrases {
  /** Object of a title: "Về tăng cường …". */
  subjects: readonly string[];
  /** Tasks, as verb phrases without a subject. */
  tasks: readonly string[];
  /** Shortcomings a document starts from. */
  problems: readonly string[];
}

export const TOPIC_PHRASES: Readonly<Record<string, TopicPhrases>> = {
  'dan-van-he-thong-chinh-tri': {
    subjects: [
      'công tác dân vận của hệ thống chính trị trong tình hình mới',
      'vai trò lãnh đạo của cấp ủy đối với công tác dân vận',
      'trách nhiệm của cả hệ thống chính trị trong công tác dân vận',
      'công tác dân vận ở vùng đồng bào dân tộc thiểu số',
      'công tác dân vận trong thực hiện nhiệm vụ phát triển kinh tế - xã hội',
    ],
    tasks: [
      'đưa nội dung công tác dân vận vào nghị quyết, chương trình công tác toàn khóa và hằng năm của cấp ủy',
      'phân công cấp ủy viên phụ trách địa bàn dân cư, nắm chắc tâm tư, nguyện vọng của Nhân dân',
      'kiện toàn ban dân vận và khối dân vận ở cơ sở, bố trí cán bộ có kinh nghiệm, có uy tín với Nhân dân',
      'đổi mới nội dung, phương thức tuyên truyền, vận động phù hợp với từng nhóm đối tượng',
      'gắn công tác dân vận với việc giải quyết những vấn đề bức xúc, nổi cộm ở cơ sở',
      'tăng cường công tác nắm tình hình Nhân dân, dự báo sớm những vấn đề có thể phát sinh điểm nóng',
      'coi kết quả công tác dân vận là một tiêu chí đánh giá tổ chức đảng và đảng viên cuối năm',
    ],
    problems: [
      'một số cấp ủy chưa thật sự quan tâm lãnh đạo công tác dân vận, còn coi đây là việc riêng của ban dân vận',
      'việc nắm tình hình Nhân dân ở một số nơi chưa kịp thời, còn để phát sinh khiếu kiện đông người',
      'phương thức vận động quần chúng chậm đổi mới, chưa theo kịp sự thay đổi của đời sống xã hội',
    ],
  },
  'dan-van-chinh-quyen': {
    subjects: [
      'công tác dân vận của cơ quan nhà nước và chính quyền các cấp',
      'công tác dân vận trong cơ quan hành chính nhà nước',
      'công tác dân vận chính quyền trên địa bàn',
      'hiệu quả công tác dân vận của chính quyền cấp xã',
    ],
    tasks: [
      'xây dựng kế hoạch công tác dân vận hằng năm gắn với nhiệm vụ chuyên môn của từng cơ quan, đơn vị',
      'công khai quy hoạch, kế hoạch sử dụng đất, dự án đầu tư để người dân biết và tham gia ý kiến',
      'đánh giá kết quả công tác dân vận chính quyền theo bộ tiêu chí của tỉnh, làm căn cứ xét thi đua, khen thưởng',
      'lấy sự hài lòng của người dân và doanh nghiệp làm thước đo chất lượng phục vụ của cơ quan hành chính',
      'tăng cường đối thoại giữa chính quyền với Nhân dân về những chính sách tác động trực tiếp đến đời sống',
      'phối hợp chặt chẽ với ban dân vận cấp ủy trong theo dõi, đôn đốc và sơ kết, tổng kết',
    ],
    problems: [
      'một bộ phận cán bộ, công chức chưa nhận thức đầy đủ vị trí, vai trò của công tác dân vận chính quyền',
      'việc công khai thông tin về chính sách, dự án ở một số địa phương còn hình thức, chưa đến được với người dân',
      'tinh thần phục vụ Nhân dân của một số cơ quan chưa cao, còn tình trạng gây phiền hà khi giải quyết công việc',
    ],
  },
  'dan-van-kheo': {
    subjects: [
      'phong trào thi đua "Dân vận khéo"',
      'xây dựng và nhân rộng các mô hình, điển hình "Dân vận khéo"',
      'tiêu chí đánh giá, công nhận mô hình "Dân vận khéo"',
    ],
    tasks: [
      'đăng ký xây dựng ít nhất một mô hình "Dân vận khéo" tại mỗi cơ quan, đơn vị, địa phương',
      'lựa chọn những mô hình có hiệu quả thiết thực để nhân rộng, tránh chạy theo số lượng',
      'biểu dương, khen thưởng kịp thời các tập thể, cá nhân tiêu biểu trong phong trào thi đua "Dân vận khéo"',
      'gắn phong trào "Dân vận khéo" với các phong trào thi đua yêu nước và cuộc vận động xây dựng nông thôn mới, đô thị văn minh',
      'giới thiệu các điển hình "Dân vận khéo" trên báo chí, hệ thống thông tin cơ sở và mạng xã hội',
    ],
    problems: [
      'một số mô hình "Dân vận khéo" được đăng ký nhưng chưa được duy trì sau khi công nhận',
      'việc đánh giá mô hình ở một số nơi còn nặng về thủ tục, ít căn cứ vào hiệu quả thực tế',
    ],
  },
  'dan-chu-co-so': {
    subjects: [
      'thực hiện dân chủ ở cơ sở',
      'phát huy quyền làm chủ của Nhân dân ở cơ sở',
      'thực hiện phương châm "Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng"',
      'hoạt động của ban thanh tra nhân dân và ban giám sát đầu tư của cộng đồng',
    ],
    tasks: [
      'công khai những nội dung Nhân dân được biết, được bàn và quyết định, được tham gia ý kiến và giám sát',
      'tổ chức hội nghị ở thôn, tổ dân phố để Nhân dân bàn và biểu quyết những công việc của cộng đồng',
      'nâng cao chất lượng hoạt động của ban thanh tra nhân dân, ban giám sát đầu tư của cộng đồng',
      'bảo đảm người dân được tham gia ý kiến trước khi cấp có thẩm quyền quyết định các dự án tại địa phương',
      'xử lý nghiêm các trường hợp vi phạm quyền làm chủ của Nhân dân',
      'hướng dẫn xây dựng, sửa đổi hương ước, quy ước của thôn, tổ dân phố phù hợp với quy định của pháp luật',
    ],
    problems: [
      'việc thực hiện dân chủ ở một số cơ sở còn hình thức, quyền giám sát của Nhân dân chưa được phát huy',
      'một số nơi chưa công khai đầy đủ các khoản đóng góp của Nhân dân và việc sử dụng các nguồn quỹ',
    ],
  },
  'tiep-cong-dan': {
    subjects: [
      'công tác tiếp công dân, đối thoại và giải quyết khiếu nại, tố cáo',
      'trách nhiệm của người đứng đầu trong tiếp dân và đối thoại trực tiếp với Nhân dân',
      'giải quyết kịp thời phản ánh, kiến nghị của người dân',
    ],
    tasks: [
      'duy trì lịch tiếp công dân định kỳ của người đứng đầu cấp ủy và chính quyền, công khai tại trụ sở',
      'tổ chức đối thoại trực tiếp với Nhân dân ít nhất mỗi năm một lần ở cấp huyện và cấp xã',
      'giải quyết dứt điểm các vụ việc khiếu nại, tố cáo tồn đọng, kéo dài ngay từ cơ sở',
      'theo dõi, đôn đốc việc thực hiện các kết luận sau tiếp dân và sau đối thoại',
      'tiếp nhận phản ánh, kiến nghị của người dân qua đường dây nóng và cổng thông tin điện tử, trả lời đúng hạn',
    ],
    problems: [
      'một số người đứng đầu chưa trực tiếp tiếp công dân theo quy định, còn ủy quyền cho cấp phó',
      'vẫn còn những vụ việc khiếu nại kéo dài do giải quyết không dứt điểm ở cơ sở',
    ],
  },
  'cai-cach-hanh-chinh': {
    subjects: [
      'cải cách hành chính gắn với chuyển đổi số',
      'thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính',
      'nâng cao chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính',
      'xây dựng chính quyền điện tử, chính quyền số',
    ],
    tasks: [
      'rà soát, cắt giảm thủ tục hành chính không cần thiết, công khai đầy đủ quy trình, thời hạn và phí, lệ phí',
      'đưa các dịch vụ công trực tuyến toàn trình vào phục vụ người dân và doanh nghiệp',
      'xin lỗi người dân bằng văn bản khi hồ sơ bị trễ hẹn do lỗi của cơ quan giải quyết',
      'khảo sát mức độ hài lòng của người dân định kỳ và công bố kết quả',
      'bố trí công chức có năng lực, thái độ tốt làm việc tại bộ phận tiếp nhận và trả kết quả',
    ],
    problems: [
      'tỷ lệ hồ sơ trực tuyến toàn trình ở một số lĩnh vực còn thấp',
      'vẫn còn tình trạng hồ sơ trễ hẹn, yêu cầu người dân bổ sung giấy tờ nhiều lần',
    ],
  },
  'dao-duc-cong-vu': {
    subjects: [
      'siết chặt kỷ luật, kỷ cương hành chính và đạo đức công vụ',
      'văn hóa công vụ và quy tắc ứng xử của cán bộ, công chức, viên chức',
      'phong cách "trọng dân, gần dân, hiểu dân, học dân, có trách nhiệm với dân"',
    ],
    tasks: [
      'thực hiện nghiêm quy tắc ứng xử khi giao tiếp với Nhân dân tại công sở và trên môi trường mạng',
      'kiểm tra công vụ đột xuất, xử lý nghiêm cán bộ có biểu hiện nhũng nhiễu, cửa quyền',
      'đưa nội dung đạo đức công vụ vào chương trình bồi dưỡng cán bộ, công chức hằng năm',
      'công khai kết quả xử lý các trường hợp vi phạm kỷ luật, kỷ cương hành chính',
      'nêu gương người đứng đầu trong rèn luyện đạo đức, lối sống và tác phong làm việc',
    ],
    problems: [
      'một bộ phận cán bộ, công chức còn biểu hiện thờ ơ, vô cảm trước khó khăn của người dân',
      'việc kiểm tra công vụ ở một số cơ quan chưa thường xuyên, xử lý vi phạm chưa nghiêm',
    ],
  },
  'giam-sat-phan-bien': {
    subjects: [
      'giám sát và phản biện xã hội của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội',
      'góp ý xây dựng Đảng, xây dựng chính quyền của Mặt trận, đoàn thể và Nhân dân',
      'vai trò của Nhân dân trong giám sát cán bộ, đảng viên',
    ],
    tasks: [
      'gửi dự thảo các chủ trương, chính sách quan trọng để Mặt trận Tổ quốc tổ chức phản biện trước khi ban hành',
      'tiếp thu, phản hồi bằng văn bản các ý kiến góp ý của Mặt trận, đoàn thể và Nhân dân',
      'tạo điều kiện để Mặt trận và các đoàn thể giám sát việc rèn luyện đạo đức, lối sống của cán bộ, đảng viên ở nơi cư trú',
      'tổ chức hội nghị để Nhân dân góp ý xây dựng tổ chức đảng, chính quyền ở cơ sở',
    ],
    problems: [
      'việc tiếp thu, giải trình ý kiến phản biện ở một số nơi chưa được thực hiện đầy đủ',
      'hoạt động giám sát của Mặt trận và đoàn thể có lúc còn hình thức, kiến nghị sau giám sát chậm được xử lý',
    ],
  },
  'xay-dung-dang': {
    subjects: [
      'xây dựng, chỉnh đốn Đảng gắn với công tác dân vận',
      'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
      'trách nhiệm nêu gương của cán bộ, đảng viên',
    ],
    tasks: [
      'gắn việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh với nhiệm vụ chính trị của từng cơ quan',
      'đảng viên giữ mối liên hệ thường xuyên với chi ủy và Nhân dân nơi cư trú',
      'kiên quyết đấu tranh với biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống',
      'nâng cao chất lượng sinh hoạt chi bộ, đưa nội dung dân vận vào sinh hoạt chuyên đề',
    ],
    problems: [
      'một số đảng viên chưa gương mẫu, ý thức giữ mối liên hệ với Nhân dân nơi cư trú còn hạn chế',
      'sinh hoạt chi bộ ở một số nơi còn đơn điệu, ít bàn về công tác vận động quần chúng',
    ],
  },
  'phoi-hop-cong-tac': {
    subjects: [
      'phối hợp giữa ban dân vận và ban cán sự đảng, đảng đoàn trong công tác dân vận',
      'quy chế phối hợp công tác dân vận giữa các cơ quan trong hệ thống chính trị',
      'phối hợp thực hiện công tác dân vận chính quyền',
    ],
    tasks: [
      'trao đổi thông tin định kỳ về tình hình Nhân dân và những vấn đề cần phối hợp giải quyết',
      'phối hợp kiểm tra, giám sát việc thực hiện công tác dân vận ở các cơ quan, địa phương',
      'cùng tổ chức sơ kết, tổng kết và đề xuất khen thưởng tập thể, cá nhân tiêu biểu',
      'phân định rõ trách nhiệm chủ trì, phối hợp của từng cơ quan trong mỗi nội dung công việc',
    ],
    problems: [
      'sự phối hợp giữa các cơ quan có lúc chưa chặt chẽ, thông tin trao đổi chưa kịp thời',
      'một số nội dung phối hợp còn chung chung, thiếu phân công cụ thể',
    ],
  },
};

export const TITLE_LEADS = [
  'Về tăng cường',
  'Về đẩy mạnh',
  'Về nâng cao hiệu quả',
  'Về tiếp tục đổi mới',
  'Về tăng cường sự lãnh đạo của Đảng đối với',
  'Triển khai thực hiện',
  'Về nâng cao chất lượng',
  'Về tổ chức thực hiện',
] as const;

export const ACTORS_CENTRAL = [
  'các cấp ủy, tổ chức đảng',
  'các bộ, ngành Trung ương',
  'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương',
  'Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị - xã hội',
  'người đứng đầu các cơ quan, đơn vị',
  'ban cán sự đảng, đảng đoàn',
] as const;

export const ACTORS_LOCAL = [
  'các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc',
  'các sở, ban, ngành cấp tỉnh',
  'Ủy ban nhân dân các huyện, thị xã, thành phố',
  'Ủy ban nhân dân các xã, phường, thị trấn',
  'Ủy ban Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội của tỉnh',
  'thủ trưởng các cơ quan, đơn vị',
  'Sở Nội vụ',
] as const;

export const PURPOSES = [
  'nhằm củng cố niềm tin của Nhân dân đối với Đảng và chính quyền',
  'góp phần xây dựng khối đại đoàn kết toàn dân tộc',
  'để quyền làm chủ của Nhân dân được bảo đảm trên thực tế',
  'bảo đảm ổn định chính trị, trật tự, an toàn xã hội ở cơ sở',
  'tạo đồng thuận trong xã hội khi triển khai các chủ trương, chính sách lớn',
  'nâng cao chất lượng phục vụ người dân và doanh nghiệp',
] as const;

/** Adverbs that sit before the verb of a task ("chủ động rà soát …"). */
export const MANNERS = ['thường xuyên', 'chủ động', 'tích cực', 'khẩn trương', 'tiếp tục', 'quyết liệt'] as const;

export const SITUATION_OPENERS = [
  'Thời gian qua, công tác dân vận đã có nhiều chuyển biến tích cực; tuy nhiên,',
  'Bên cạnh những kết quả đạt được,',
  'Qua kiểm tra, giám sát cho thấy',
  'Sơ kết việc thực hiện trong thời gian qua cho thấy',
  'Tuy đã có tiến bộ,',
] as const;

export const CLOSINGS = [
  'Định kỳ sáu tháng, một năm, các cơ quan, đơn vị báo cáo kết quả thực hiện về cơ quan thường trực để tổng hợp.',
  'Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan, đơn vị phản ánh kịp thời để được hướng dẫn.',
  'Văn phòng chủ trì, phối hợp với các cơ quan liên quan theo dõi, đôn đốc việc thực hiện văn bản này.',
  'Kết quả thực hiện là một căn cứ để đánh giá, xếp loại tổ chức và cá nhân cuối năm.',
] as const;

/** Non-references that the citation engine must leave alone: ranges, ratios, clauses. */
export const DISTRACTORS = [
  'trong giai đoạn 2021-2025',
  'trong nhiệm kỳ 2020-2025',
  'đến nay 17/17 sở, ngành đã ban hành kế hoạch',
  'theo Mẫu số 01 kèm theo',
  'theo khoản 2 Điều 3',
  'tại Phụ lục số 1',
  'với 226/226 xã, phường tham gia',
  'giai đoạn 2016-2020',
] as const;

/** Sentence frames around one citation; the relation verb decides the inferred edge. */
export const CITATION_FRAMES = {
  implements: ['Thực hiện {ref}, {actor} {task}.', 'Để triển khai thực hiện {ref}, {actor} {task}.'],
  continues: ['Tiếp tục thực hiện {ref}, {actor} {task}.'],
  basedOn: ['Căn cứ {ref};'],
  cites: [
    '{Actor} {task}, theo tinh thần {ref}.',
    '{Actor} {task}; gắn với việc thực hiện {ref}.',
    'Việc này được tiến hành đồng thời với việc sơ kết {ref}.',
    '{Actor} quán triệt {ref} đến cán bộ, đảng viên và Nhân dân.',
  ],
  pair: ['{Actor} {task}, gắn với thực hiện {ref} và {ref2}.'],
} as const;
