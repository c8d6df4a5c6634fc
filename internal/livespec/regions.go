package livespec

import "sort"

// RegionHosts maps each region name to the REST host of its data centre, as the vendor's RESTful
// API overview lists them (https://trtc.io/document/63398). The SDKAppID's data centre decides
// the host; a wrong one answers 70016/70020.
var RegionHosts = map[string]string{
	"china":     "console.tim.qq.com",
	"singapore": "adminapisgp.im.qcloud.com",
	"usa":       "adminapiusa.im.qcloud.com",
	"jakarta":   "adminapiidn.im.qcloud.com",
	"seoul":     "adminapikr.im.qcloud.com",
	"tokyo":     "adminapijpn.im.qcloud.com",
	"frankfurt": "adminapiger.im.qcloud.com",
	"mumbai":    "adminapiind.im.qcloud.com",
}

// RegionNames returns the region names in alphabetical order.
func RegionNames() []string {
	names := make([]string, 0, len(RegionHosts))
	for n := range RegionHosts {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
