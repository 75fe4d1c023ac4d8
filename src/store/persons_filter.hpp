// Which persons a list filtered by the actor's reach keeps.
#pragma once

namespace binome::store {

// `live`: only the persons binome may still process (neither restricted nor anonymised), as the
// lists built for work. `all`: every person in reach, as the figures and agendas that counted
// them all before they were filtered in SQL.
enum class Persons { live, all };

}  // namespace binome::store
