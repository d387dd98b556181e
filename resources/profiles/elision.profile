# French, Italian and Catalan elision: l'homme → l' homme.
name: elision
languages: fra fr ita it cat ca oci oc
description: Romance elision: l' d' qu' and the like are split off as their own tokens
normalization: nfc
prefix-clitics: l' d' j' m' n' s' t' c' qu' jusqu' lorsqu' puisqu' quoiqu' un' all' dall' dell' nell' sull' coll' quell' quest' tutt' nessun' po' dels' pel'
hyphens: join
