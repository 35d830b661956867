"""A short article body in the forms the segment tests wrap in headers, bylines and chrome."""

BODY = (
    "Ankara and Tehran have signed a new agreement on border trade that both governments say will double the volume "
    "of goods crossing at Gürbulak within three years.\n\n"
    "The agreement on border trade follows months of talks between the two trade ministries and comes as Iran seeks "
    "new markets for its exports under sanctions.\n\n"
    "Officials said the first customs changes of the agreement would take effect in the spring, with joint "
    "inspections at the border gates.\n"
)
