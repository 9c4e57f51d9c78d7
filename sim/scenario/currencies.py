"""ISO 4217 currency codes, embedded: ``costs.currency`` labels every money figure, so a code
that names no currency (``XYZ``, a typo) is refused rather than printed beside every cost.

:data:`CURRENT` is the standard's list one of current codes (funds and precious metals
included; ``XTS``, reserved for testing, and ``XXX``, no currency, left out); :data:`WITHDRAWN`
adds codes withdrawn since 1999 (the euro's predecessors, redenominated currencies), for a
scenario priced in a year when they were in use.
"""

from __future__ import annotations

CURRENT = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD
    BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP
    DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR
    IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD
    MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB
    PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD
    SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS
    VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XUA YER
    ZAR ZMW ZWG ZWL
    """.split()
)

WITHDRAWN = frozenset(
    """
    ATS AZM BEF BGL BYR CSD CYP DEM EEK ESP FIM FRF GHC GRD HRK IEP ITL LTL LUF LVL MGF MRO
    MTL MZM NLG PTE ROL SDD SIT SKK SRG STD TMM TRL VEB VEF YUM ZMK ZWD ZWN ZWR
    """.split()
)

CODES = CURRENT | WITHDRAWN
