// Package giftkit is what tencentlive_gift, tencentlive_gift_category and the tencentlive_gifts
// data source share: the opening of every Create, Read, Update and Delete and the Read itself,
// the attributes both define alike, the extension_info type compared as JSON, the languages
// attribute and its key check, the plan-time validators worded with the vendor's codes, the
// gift wording of API failures and their blame, and the catalogue session, which remembers
// across the calls of one provider process what one resource's call must tell another's (gift
// IDs planned, the catalogue read once, the categories a deleted gift must be put back into).
package giftkit
