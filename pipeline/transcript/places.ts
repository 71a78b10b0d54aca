/**
 * Countries and regions. Moderators take topics the way they take reporters ("Lebanon?",
 * "Sure, Afghanistan."), so a place is never a questioner's name.
 */
export const PLACES = new Set(
  `Afghanistan Albania Algeria Andorra Angola Antigua Argentina Armenia Australia Austria Azerbaijan Bahamas Bahrain
Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil Brunei Bulgaria Burkina Burma
Burundi Cabo Cambodia Cameroon Canada Chad Chile China Colombia Comoros Congo Croatia Cuba Cyprus Czechia Denmark
Djibouti Dominica Ecuador Egypt Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia Georgia Germany Ghana
Greece Greenland Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel
Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati Korea Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia
Libya Liechtenstein Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico
Micronesia Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nauru Nepal Netherlands Nicaragua Niger
Nigeria Norway Oman Pakistan Palau Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda
Samoa Senegal Serbia Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden Switzerland Syria Taiwan
Tajikistan Tanzania Thailand Togo Tonga Trinidad Tunisia Turkey Türkiye Turkmenistan Tuvalu Uganda Ukraine Uruguay
Uzbekistan Vanuatu Venezuela Vietnam Yemen Zambia Zimbabwe Africa Asia Europe America Americas Arctic Antarctica
Balkans Caucasus Sahel Gaza Crimea Donbas Xinjiang Tibet Hong Kong Kashmir Nagorno-Karabakh Tigray Kyiv Moscow Beijing
Tehran Jerusalem Havana Caracas Kabul Baghdad Damascus Beirut Pyongyang Seoul Tokyo Taipei Minsk Washington NATO ASEAN
Iran-Israel JCPOA COVID Follow-up Follow Anything Somebody Someone Over Back Next`.split(/\s+/),
);

/** Two-word places whose first word alone is also a name or common word. */
export const PLACE_PHRASES = /^(?:North|South|East|West|Central|Saudi|Sri|Costa|El|Sierra|New|United|Burkina|Cabo|Cote|Côte|Czech|Dominican|Equatorial|Marshall|Solomon|Papua|San|Timor|Middle|Western|Eastern|Southern|Northern|Latin|Indo)\b/;
