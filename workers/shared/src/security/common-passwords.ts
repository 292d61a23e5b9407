/**
 * Passwords people pick most often, as public breach-frequency lists show them, plus a few
 * plays on this product and its domain. Compared in lower case, ignoring outer spaces. Entries
 * under the minimum length stay so the list can be judged on its own.
 */
const commonPasswords = new Set(
  `
  123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball
  abc123 football monkey letmein shadow master 696969 mustang michael 1234567890 qwertyuiop
  password1 password12 password123 password1234 password12345 password123456 passw0rd123
  p@ssw0rd123 p@ssword123 p@55w0rd123 passwordpassword password! password1! password123!
  password2020 password2021 password2022 password2023 password2024 password2025 password2026
  mypassword mypassword1 mypassword123 newpassword newpassword1 newpassword123 changeme
  changeme123 changemenow changeme1234 letmein123 letmein1234 letmeinnow welcome123 welcome1234
  welcome2020 welcome2021 welcome2022 welcome2023 welcome2024 welcome2025 welcome2026 welcometo
  welcomehome iloveyou iloveyou1 iloveyou12 iloveyou123 iloveyou2 iloveyousomuch iloveyoubaby
  iloveyouforever iloveyoutoo iloveme123 ilovemyself ilovemymom ilovemydog ilovemycat ilovejesus
  ilovegod ilovemusic ilovepizza qwerty123 qwerty1234 qwerty12345 qwerty123456 qwertyuiop1
  qwertyuiop123 qwertyqwerty qwertyasdf qwertyasdfgh qwertyasdfg qwerty12345678 qwe123qwe123
  qweasdzxc qweasdzxc123 qweasdzxcv qazwsxedc qazwsxedc123 qazwsxedcrfv 1qaz2wsx 1qaz2wsx3edc
  1qaz2wsx3edc4rfv zaq12wsx zaq1zaq1zaq1 asdfghjkl asdfghjkl1 asdfghjkl123 asdfasdfasdf
  asdf1234asdf asdfghjklzxcvbnm zxcvbnm123 zxcvbnmasdf zxcvbnm1234 1234qwer 1234qwerasdf
  12345qwert 12345qwerty 123qweasd 123qweasdzxc abc1234567 abcdefghij abcdefghijk abcdefghijkl
  abcd1234abcd abc123abc123 abc12345678 a1b2c3d4e5 a1b2c3d4e5f6 aaaaaaaaaa aaaaaaaaaaaa
  1111111111 111111111111 0000000000 000000000000 1212121212 1231231231 123123123123 1234512345
  1234554321 12345678910 123456789a 123456789q 123456789abc 0123456789 0987654321 9876543210
  987654321a 1122334455 1122334455667788 1234567891 1234567899 147258369 1472583690 159753159753
  1597532486 123654789 12344321 7777777777 5555555555 9999999999 8888888888 6666666666
  2222222222 3333333333 4444444444 1q2w3e4r5t 1q2w3e4r5t6y 1q2w3e4r q1w2e3r4t5 q1w2e3r4t5y6
  1a2b3c4d5e trustno1 trustno1234 sunshine123 sunshine12 princess123 princess12 football123
  football12 footballer basketball basketball1 basketball123 baseball123 baseball12 soccer1234
  superman123 superman12 batman1234 batman123456 spiderman123 starwars123 starwars12 pokemon123
  pokemon1234 minecraft123 minecraft1 fortnite123 computer123 computer12 internet123
  administrator admin12345 admin123456 adminadmin administrator1 rootpassword rootroot123
  test123456 testtest123 testing123 guest12345 default123 secret1234 secret123456 mysecret123
  topsecret123 supersecret letmein12345 loveyou123 lovelove123 lovely1234 sweetheart sweetheart1
  babygirl123 babygirl12 butterfly123 chocolate123 chocolate1 cheese12345 pepper1234 summer2020
  summer2021 summer2022 summer2023 summer2024 summer2025 winter2020 winter2021 winter2022
  winter2023 winter2024 winter2025 spring2023 spring2024 spring2025 autumn2024 autumn2025
  january2024 january2025 monday1234 michael123 michael1234 jennifer123 jessica123 charlie123
  charlie1234 thomas1234 daniel1234 andrew1234 joshua1234 jordan1234 jordan2323 hunter1234
  hunter2hunter2 ranger1234 killer1234 master1234 master12345 mustang123 dragon1234 dragon12345
  shadow1234 monkey12345 monkey1234 michelle123 nicole1234 ashley1234 matthew123 tigger1234
  freedom123 whatever123 whatever1 nothing123 blink18212 myspace123 facebook123 facebook1
  google1234 google12345 youtube123 instagram123 twitter123 linkedin123 microsoft123 apple12345
  samsung123 iphone1234 tandem1234 tandem123456 tandempassword mentoring123 mentorship
  mentorship1 mentor12345 mentee12345 university university1 university123 student1234
  student12345 teacher1234 school1234 company123 company1234 employee123 office1234 work123456
  password01 password001 passw0rd1 passw0rd12 p4ssw0rd123 pa55word123 pa55w0rd123 letmeinplease
  openthedoor opensesame opensesame1 corvette1234 ferrari1234 mercedes123 harley1234 chelsea1234
  arsenal1234 liverpool1 liverpool123 manchester manchester1 barcelona1 barcelona10 realmadrid
  juventus123 yankees1234 cowboys1234 steelers1234 lakers1234 dolphins123 eagles1234 patriots123
  hello12345 hello123456 helloworld helloworld1 helloworld123 goodmorning goodnight1 happy12345
  happyday123 happiness1 beautiful1 beautiful123 mybirthday birthday123 pleaseletmein iamthebest
  iamawesome imthebest1 thebest123 qwertyuiopasdfghjkl 1234567890qwertyuiop azertyuiop
  azerty1234 azerty123456 qwertzuiop qwertz1234
`
    .split(/\s+/)
    .filter(Boolean),
);

export function isCommonPassword(password: string): boolean {
  return commonPasswords.has(password.trim().toLowerCase());
}

export const commonPasswordCount = commonPasswords.size;
