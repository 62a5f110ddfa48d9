package normalize

import "strings"

// arabicNameTable lists common name words of the Arab world, Iran and
// Afghanistan as they appear on the sanctions lists (UN, OFAC, UK, EU),
// each with its customary Latin spellings, the most frequent first (UN
// list practice) and the Egyptian/French or English one second.
const arabicNameTable = `
محمد muhammad mohammed mohamed mohammad
أحمد ahmad ahmed
محمود mahmoud mahmud
مصطفى mustafa mostafa
علي ali
عمر omar umar
عثمان uthman othman osman
حسن hassan hasan
حسين hussein husayn hussain husain
حسني husni hosni
حسان hassan
خالد khalid khaled
إبراهيم ibrahim ebrahim
إسماعيل ismail ismael
إسحاق ishaq ishak
يوسف yusuf youssef yousef
يونس yunus younes younis
يحيى yahya yehia
يعقوب yaqub yacoub
موسى musa moussa
عيسى isa issa
سليمان sulayman suleiman sulaiman
سليم salim selim
سالم salim salem
سلمان salman
سعد saad sad
سعيد said saeed
سعود saud
فهد fahd fahad
فيصل faisal faysal
عبد abd abdul
الله allah
عبدالله abdullah abdallah
عبدالرحمن abdulrahman abdelrahman
رحمن rahman
رحيم rahim
رحمة rahma
عزيز aziz
كريم karim kareem
مجيد majid
حميد hamid
حامد hamid hamed
حمد hamad
حمدي hamdi
حمدان hamdan
حمزة hamza hamzah
جميل jamil jameel
جمال jamal gamal
كمال kamal
نور nur nour noor
دين din
ناصر nasir nasser naser
نصر nasr
منصور mansur mansour
مهدي mahdi mehdi
هادي hadi
رضا rida reda reza
جعفر jafar jaafar
طارق tariq tarek
زياد ziyad ziad
زيد zayd zaid
زين zayn zein zain
زينب zaynab zeinab
فاطمة fatima fatma
عائشة aisha aicha
خديجة khadija khadijah
مريم maryam mariam
سارة sara sarah
ليلى layla leila
نادية nadia nadiya
أمينة amina
أمين amin
مؤمن mumin moumen
أسامة usama osama
أيمن ayman aymen
أنور anwar
أنس anas
بشار bashar
بشير bashir
بكر bakr
أبو abu abou
بو bu bou
بن bin ben
ابن ibn
بنت bint
آل al
عادل adil adel
عدنان adnan
عماد imad emad
عمار ammar
عمرو amr
عبيد ubayd obaid
عباس abbas
عوض awad
عيد id eid
غازي ghazi
غسان ghassan
فؤاد fuad fouad
فارس faris fares
فتحي fathi fathy
فرج faraj farag
قاسم qasim kassem
قادر qadir kader
كاظم kazim kadhim
لطفي lutfi
ماجد majid maged
مالك malik
مازن mazin mazen
مبارك mubarak
محسن muhsin mohsen
مراد murad mourad
مروان marwan
مسعود masud masoud
معاذ muadh moaz
معمر muammar moammar
منير munir mounir
منذر mundhir
نبيل nabil
نجيب najib naguib
نزار nizar
نعيم naim
نواف nawaf
هاشم hashim hashem
هشام hisham hesham
هاني hani
هيثم haytham haitham
وائل wail wael
وليد walid
وسام wisam wissam
ياسر yasir yasser
ياسين yasin yassin
يزيد yazid
رشيد rashid rachid
راشد rashid rached
رامي rami
رياض riyad riad
رائد raid raed
رفيق rafiq rafik
سامي sami
سامر samir samer
سمير samir
سيف sayf saif
شريف sharif cherif
شكري shukri
صالح salih saleh
صلاح salah
صدام saddam
صبري sabri
ضياء diya
طه taha
طلال talal
عاطف atif atef
عاصم asim
عامر amir amer
أمير amir
عبود abbud abboud
عزت izzat
عصام isam issam
علاء ala alaa
غالب ghalib
فهمي fahmi
قصي qusay
كامل kamil
لؤي luay louay
ماهر mahir maher
مجدي majdi magdi
محي muhyi mohi
مختار mukhtar mokhtar
مرتضى murtada
مصعب musab
معتز mutazz moataz
مهند muhannad
نايف nayif nayef
نجم najm
نوري nuri nouri
هلال hilal
همام hammam
وحيد wahid
يسري yusri
زكريا zakariya zakaria
زكي zaki
حافظ hafiz hafez
حبيب habib
حيدر haydar haidar
حكيم hakim
حليم halim
خليل khalil
خليفة khalifa
خضر khidr khader
دياب diab
رجب rajab ragab
رمضان ramadan ramzan
شعبان shaban
سلطان sultan
شيخ shaykh sheikh
سيد sayyid sayed
عبده abduh abdou
بدر badr
توفيق tawfiq tawfik
ثامر thamir thamer
جابر jabir jaber
جاسم jasim jassim
جلال jalal
جواد jawad
حارث harith
حازم hazim hazem
حلمي hilmi helmi
حماد hammad
رؤوف rauf raouf
زهير zuhayr zouheir
سفيان sufyan soufiane
سلامة salama
شادي shadi
شاكر shakir
شوقي shawqi shawki
صادق sadiq sadek
صفوان safwan
عارف arif aref
عدي uday odai
عرفات arafat
غانم ghanim ghanem
فادي fadi
فاضل fadil fadel
فايز fayiz fayez
فريد farid
مأمون mamun mamoun
مجاهد mujahid
مسلم muslim
مطر matar
منى muna mona
نادر nadir nader
ناجي naji
نعمان numan noman
نوح nuh
هارون harun haroun
قحطان qahtan
قذافي qadhafi gaddafi
أسد asad assad
بغدادي baghdadi
ظواهري zawahiri
لادن ladin laden
حقاني haqqani
نصرالله nasrallah
ملا mulla mullah
حاجي haji hajji
حاج hajj haj
مولوي mawlawi
شاه shah
خان khan
جان jan
گل gul
ولي wali
نظام nizam
عبيدة ubayda
سعدي sadi saadi
قاري qari
قارئ qari
اكبر akbar
أكبر akbar
اصغر asghar
جلیل jalil
رسول rasul rasoul
غلام ghulam gholam
نبي nabi
فضل fazl fadl
حق haq
منان mannan
ستار sattar
جبار jabbar
غفار ghaffar
قيوم qayyum
باقر baqir bagher
صادقی sadeghi
حسيني husayni hosseini
موسوي musawi mousavi
رضائي rezai
خامنئي khamenei
خامنهاي khamenei khamenehi
روحاني rouhani
طالب talib taleb
جبهة jabhat
حزب hizb
أنصار ansar
شركة sharikat
مؤسسة muassasat
بنك bank
تنظيم tanzim
قاعدة qaida qaeda
دولة dawla
إسلامية islamiya
اسلامي islami
سراج siraj
شمس shams
خير khair khayr
هداية hidayat
رحمت rahmat
ثناء sana
شفيق shafiq
قدرة qudrat
نصير nasir
عصمت ismat
وثيق wasiq wathiq
تواب tawab
اخوند akhund
آخوند akhund
زاده zada
خيل khel
نجيب najib
عطاء ata
فضل fazl fadl
كفيل kafil
ضياء zia diya
شهاب shihab shahab
صفي safi
ظاهر zahir zaher
طيب tayyib tayeb
عزيز aziz
قاري qari
مولوی mawlawi
ملك malik
ميرزا mirza
بهاء baha
عبيدي ubaidi obaidi
زبيدي zubaidi
تكريتي tikriti
دوري douri duri
راوي rawi
جبوري jubouri
عبدلله abdullah abdallah
رضا reza rida
حجت hojjat hujjat
غياث ghiyas ghias
خسرو khosrow khusraw
جولاني jawlani julani
ولد ould walad
فيض faiz fayz
فتاح fattah
ديب dib deeb
اشرف ashraf
أشرف ashraf
ذاكر zakir dhakir
رستم rustam rostam
رستمي rostami
پرويز parviz parwiz
مرتضي murtaza morteza
نورزي noorzai nurzai
اچکزي achekzai
خداي khudai
قريشي qureshi quraishi
كبيسي kubaysi kubaisi
زغبي zoghbi zughbi
`

// arabicNames maps a word (arabicKey form) to its spellings.
var arabicNames = buildArabicNames()

func buildArabicNames() map[string][]string {
	m := make(map[string][]string, 320)
	for _, line := range strings.Split(arabicNameTable, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		k := arabicKey(f[0])
		if _, ok := m[k]; ok {
			continue
		}
		m[k] = f[1:]
	}
	return m
}

// arabicSpellings holds every Latin spelling of the name table.
var arabicSpellings = func() map[string]bool {
	m := map[string]bool{}
	for _, fs := range arabicNames {
		for _, f := range fs {
			for _, w := range strings.Fields(f) {
				m[w] = true
			}
		}
	}
	return m
}()

// IsArabicNameSpelling reports whether a folded Latin word is one of the
// customary spellings of the Arabic name table (muhammad, hussein): a
// rendering of an Arabic-script name that uses it guessed no vowels.
func IsArabicNameSpelling(w string) bool { return arabicSpellings[w] }

// IsArabicNameSpellingOf reports whether a folded Latin word is one of the
// customary spellings the name table gives the Arabic-script word ar (with
// or without its article): أديل spelt letter by letter is adil, which is
// also a spelling of عادل, but its vowels are guesses all the same.
func IsArabicNameSpellingOf(ar, w string) bool {
	forms, _ := arabicNameForms(ar)
	for _, f := range forms {
		for _, x := range strings.Fields(f) {
			if x == w {
				return true
			}
		}
	}
	return false
}
