<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>SharerPanel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyée</translation>
    </message>
    <message>
        <source>taken</source>
        <translation>prise</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échouée</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Prise par</translation>
    </message>
    <message>
        <source>Filter by name, key, state or pid</source>
        <translation>Filtrer par nom, clé, état ou PID</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Cannot follow %1: %2 (retrying)</source>
        <translation>Impossible de suivre %1 : %2 (nouvelle tentative)</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <source>No resource matches the filter.</source>
        <translation>Aucune ressource ne correspond au filtre.</translation>
    </message>
    <message>
        <source>The cache is empty.</source>
        <translation>Le cache est vide.</translation>
    </message>
    <message>
        <source>Last transfers</source>
        <translation>Derniers transferts</translation>
    </message>
    <message>
        <source>%1  %2: %3 (pid %4)</source>
        <translation>%1  %2 : %3 (PID %4)</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>cached</source>
        <comment>counter</comment>
        <translation>en cache</translation>
    </message>
    <message>
        <source>registered</source>
        <comment>counter</comment>
        <translation>enregistrées</translation>
    </message>
    <message>
        <source>taken</source>
        <comment>counter</comment>
        <translation>prises</translation>
    </message>
    <message>
        <source>expired</source>
        <comment>counter</comment>
        <translation>expirées</translation>
    </message>
    <message>
        <source>revoked</source>
        <comment>counter</comment>
        <translation>révoquées</translation>
    </message>
    <message>
        <source>failed</source>
        <comment>counter</comment>
        <translation>échouées</translation>
    </message>
    <message>
        <source>Who may take</source>
        <translation>Qui peut prendre</translation>
    </message>
</context>
<context>
    <name>SupervisorConsole</name>
    <message>
        <source>%1: under way…</source>
        <translation>%1 : en cours…</translation>
    </message>
    <message>
        <source>Rolling restart</source>
        <translation>Redémarrage progressif</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Mettre à niveau</translation>
    </message>
    <message>
        <source>Scale to %1</source>
        <translation>Passer à %1</translation>
    </message>
    <message>
        <source>Restart of worker %1</source>
        <translation>Redémarrage du worker %1</translation>
    </message>
    <message>
        <source>%1 of %2 workers replaced</source>
        <translation>%1 workers sur %2 remplacés</translation>
    </message>
    <message>
        <source>pid %1 took over</source>
        <translation>le pid %1 a pris le relais</translation>
    </message>
    <message>
        <source>%1 workers ready</source>
        <translation>%1 workers prêts</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>s’arrête</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <source>replacing, starting</source>
        <translation>remplace, démarre</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>démarre</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1: cannot reach the supervisor: %2</source>
        <translation>%1 : superviseur injoignable : %2</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1 refusé : %2</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 a échoué : %2</translation>
    </message>
    <message>
        <source>Workers: %1 of %2 ready%3</source>
        <translation>Workers : %1 sur %2 prêts%3</translation>
    </message>
    <message>
        <source>, stopping</source>
        <translation>, s’arrête</translation>
    </message>
    <message>
        <source>, a rolling restart is under way</source>
        <translation>, un redémarrage progressif est en cours</translation>
    </message>
    <message>
        <source>, upgrading in place (successor pid %1)</source>
        <translation>, mise à niveau sur place (successeur pid %1)</translation>
    </message>
    <message>
        <source>, %1 under way</source>
        <translation>, %1 en cours</translation>
    </message>
    <message>
        <source>One fewer</source>
        <translation>Un de moins</translation>
    </message>
    <message>
        <source>One more</source>
        <translation>Un de plus</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Empl.</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <source>Gen.</source>
        <translation>Gén.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Ready since</source>
        <translation>Prêt depuis</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Redémarrages</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Redémarrer</translation>
    </message>
    <message>
        <source>handoffs/s, up to %1</source>
        <translation>remises/s, jusqu’à %1</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>Changement d’échelle</translation>
    </message>
    <message>
        <source>Restart of a worker</source>
        <translation>Redémarrage d’un worker</translation>
    </message>
    <message>
        <source>Timeline, last %1 min</source>
        <translation>Chronologie, dernières %1 min</translation>
    </message>
</context>
<context>
    <name>qrs</name>
    <message>
        <source>timed out after %1 ms waiting for the sharer at %2</source>
        <translation>délai dépassé après %1 ms d&apos;attente du partageur à %2</translation>
    </message>
    <message>
        <source>one transfer takes 1 to %1 resources, not %2</source>
        <translation>un transfert porte sur 1 à %1 ressources, pas %2</translation>
    </message>
    <message>
        <source>invalid sharer address &quot;%1&quot;</source>
        <translation>adresse de partageur « %1 » invalide</translation>
    </message>
    <message>
        <source>cannot create a socket: %1</source>
        <translation>impossible de créer un socket : %1</translation>
    </message>
    <message>
        <source>no sharer is listening at %1 (%2); has the sharing process exited?</source>
        <translation>aucun partageur n&apos;écoute à %1 (%2) ; le processus qui partage s&apos;est-il terminé ?</translation>
    </message>
    <message>
        <source>cannot connect to the sharer at %1: %2</source>
        <translation>impossible de se connecter au partageur à %1 : %2</translation>
    </message>
    <message>
        <source>cannot acknowledge the transfer to %1: %2</source>
        <translation>impossible d&apos;accuser réception du transfert auprès de %1 : %2</translation>
    </message>
    <message>
        <source>cannot send the request to %1: %2</source>
        <translation>impossible d&apos;envoyer la demande à %1 : %2</translation>
    </message>
    <message>
        <source>lost the connection to the sharer at %1: %2</source>
        <translation>connexion au partageur à %1 perdue : %2</translation>
    </message>
    <message>
        <source>the sharer at %1 closed the connection without answering</source>
        <translation>le partageur à %1 a fermé la connexion sans répondre</translation>
    </message>
    <message>
        <source>the sharer at %1 sent a bad reply: %2</source>
        <translation>le partageur à %1 a envoyé une réponse incorrecte : %2</translation>
    </message>
    <message>
        <source>refused (resource %1 of %2): %3</source>
        <translation>refusé (ressource %1 sur %2) : %3</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>refusé : %1</translation>
    </message>
    <message>
        <source>the sharer at %1 sent an unexpected message</source>
        <translation>le partageur à %1 a envoyé un message inattendu</translation>
    </message>
    <message>
        <source>received %1 of %2 descriptors: the kernel dropped the rest (MSG_CTRUNC); is the receiving process at its descriptor limit?</source>
        <translation>%1 descripteurs reçus sur %2 : le noyau a abandonné le reste (MSG_CTRUNC) ; le processus récepteur a-t-il atteint sa limite de descripteurs ?</translation>
    </message>
    <message>
        <source>expected %1 descriptors, received %2 with %3 headers</source>
        <translation>%1 descripteurs attendus, %2 reçus avec %3 en-têtes</translation>
    </message>
    <message>
        <source>invalid resource id</source>
        <translation>identifiant de ressource invalide</translation>
    </message>
    <message>
        <source>one transfer takes resources of one sharer; %1 and %2 differ</source>
        <translation>un transfert prend les ressources d&apos;un seul partageur ; %1 et %2 diffèrent</translation>
    </message>
    <message>
        <source>no resource id given</source>
        <translation>aucun identifiant de ressource fourni</translation>
    </message>
    <message>
        <source>poll failed: %1</source>
        <translation>échec de poll : %1</translation>
    </message>
    <message>
        <source>cannot duplicate descriptor %1: %2</source>
        <translation>impossible de dupliquer le descripteur %1 : %2</translation>
    </message>
    <message>
        <source>the process is exiting: its sharer has stopped</source>
        <translation>le processus se termine : son partageur est arrêté</translation>
    </message>
    <message>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>in transfer</source>
        <translation>en transfert</translation>
    </message>
    <message>
        <source>taken</source>
        <translation>prise</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expirée</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>révoquée</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>the sharer at %1 refused: %2</source>
        <translation>le partageur à %1 a refusé : %2</translation>
    </message>
    <message>
        <source>the sharer at %1 did not answer within %2 ms</source>
        <translation>le partageur à %1 n&apos;a pas répondu en %2 ms</translation>
    </message>
    <message>
        <source>the sharer at %1 closed the connection: %2</source>
        <translation>le partageur à %1 a fermé la connexion : %2</translation>
    </message>
    <message>
        <source>no sharer address or pid given</source>
        <translation>ni adresse de partageur ni PID fourni</translation>
    </message>
    <message>
        <source>the sharer sent an unexpected message</source>
        <translation>le partageur a envoyé un message inattendu</translation>
    </message>
    <message>
        <source>the connection to the sharer at %1 broke: %2</source>
        <translation>la connexion au partageur à %1 s&apos;est rompue : %2</translation>
    </message>
    <message>
        <source>the process is gone</source>
        <translation>le processus n&apos;existe plus</translation>
    </message>
    <message>
        <source>cannot add &quot;%1&quot;: the process has already started</source>
        <translation>impossible d&apos;ajouter « %1 » : le processus a déjà démarré</translation>
    </message>
    <message>
        <source>a resource named &quot;%1&quot; was already added</source>
        <translation>une ressource nommée « %1 » a déjà été ajoutée</translation>
    </message>
    <message>
        <source>cannot share &quot;%1&quot;: %2</source>
        <translation>impossible de partager « %1 » : %2</translation>
    </message>
    <message>
        <source>cannot share &quot;%1&quot;: the QTcpServer is not listening</source>
        <translation>impossible de partager « %1 » : le QTcpServer n&apos;écoute pas</translation>
    </message>
    <message>
        <source>cannot share &quot;%1&quot;: the QLocalServer is not listening</source>
        <translation>impossible de partager « %1 » : le QLocalServer n&apos;écoute pas</translation>
    </message>
    <message>
        <source>cannot share &quot;%1&quot;: the file is not open</source>
        <translation>impossible de partager « %1 » : le fichier n&apos;est pas ouvert</translation>
    </message>
    <message>
        <source>cannot share &quot;%1&quot;: the socket is not connected</source>
        <translation>impossible de partager « %1 » : le socket n&apos;est pas connecté</translation>
    </message>
    <message>
        <source>a resource name must not be empty</source>
        <translation>un nom de ressource ne doit pas être vide</translation>
    </message>
    <message>
        <source>the resource name &quot;%1...&quot; is longer than %2 characters</source>
        <translation>le nom de ressource « %1... » dépasse %2 caractères</translation>
    </message>
    <message>
        <source>the resource name &quot;%1&quot; may only hold printable ASCII characters other than space and &apos;:&apos;</source>
        <translation>le nom de ressource « %1 » ne peut contenir que des caractères ASCII imprimables autres que l&apos;espace et &apos;:&apos;</translation>
    </message>
    <message>
        <source>%1 names resources but %2 is empty</source>
        <translation>%1 nomme des ressources mais %2 est vide</translation>
    </message>
    <message>
        <source>%1 holds %2 identifiers but %3 holds %4 names</source>
        <translation>%1 contient %2 identifiants mais %3 contient %4 noms</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: the name &quot;%2&quot; is given twice</source>
        <translation>%1 : le nom « %2 » apparaît deux fois</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>un fichier</translation>
    </message>
    <message>
        <source>a directory</source>
        <translation>un répertoire</translation>
    </message>
    <message>
        <source>a pipe</source>
        <translation>un tube</translation>
    </message>
    <message>
        <source>a memory file</source>
        <translation>un fichier en mémoire</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>un périphérique caractère</translation>
    </message>
    <message>
        <source>an unknown kind of descriptor</source>
        <translation>un descripteur de type inconnu</translation>
    </message>
    <message>
        <source>a socket that is not a stream socket</source>
        <translation>un socket qui n&apos;est pas de type flux</translation>
    </message>
    <message>
        <source>a listening TCP socket</source>
        <translation>un socket TCP en écoute</translation>
    </message>
    <message>
        <source>a connected TCP socket</source>
        <translation>un socket TCP connecté</translation>
    </message>
    <message>
        <source>a listening Unix socket</source>
        <translation>un socket Unix en écoute</translation>
    </message>
    <message>
        <source>a connected Unix socket</source>
        <translation>un socket Unix connecté</translation>
    </message>
    <message>
        <source>a socket of another family</source>
        <translation>un socket d&apos;une autre famille</translation>
    </message>
    <message>
        <source>no resource named &quot;%1&quot; was passed to this process (%2 is not set: was it started with qrs::ChildResources?)</source>
        <translation>aucune ressource nommée « %1 » n&apos;a été transmise à ce processus (%2 n&apos;est pas défini : a-t-il été lancé avec qrs::ChildResources ?)</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>no resource named &quot;%1&quot; was passed to this process; it has: %2</source>
        <translation>aucune ressource nommée « %1 » n&apos;a été transmise à ce processus ; il a : %2</translation>
    </message>
    <message>
        <source>cannot take the inherited resources: %1</source>
        <translation>impossible de prendre les ressources héritées : %1</translation>
    </message>
    <message>
        <source>the resource &quot;%1&quot; was already taken by this process</source>
        <translation>la ressource « %1 » a déjà été prise par ce processus</translation>
    </message>
    <message>
        <source>cannot take the resource &quot;%1&quot;: %2</source>
        <translation>impossible de prendre la ressource « %1 » : %2</translation>
    </message>
    <message>
        <source>the resource &quot;%1&quot; is %2, not %3</source>
        <translation>la ressource « %1 » est %2, pas %3</translation>
    </message>
    <message>
        <source>QTcpServer cannot listen on the resource &quot;%1&quot;: %2</source>
        <translation>QTcpServer ne peut pas écouter sur la ressource « %1 » : %2</translation>
    </message>
    <message>
        <source>QLocalServer cannot listen on the resource &quot;%1&quot;: %2</source>
        <translation>QLocalServer ne peut pas écouter sur la ressource « %1 » : %2</translation>
    </message>
    <message>
        <source>a file or a pipe</source>
        <translation>un fichier ou un tube</translation>
    </message>
    <message>
        <source>QFile cannot open the resource &quot;%1&quot;: %2</source>
        <translation>QFile ne peut pas ouvrir la ressource « %1 » : %2</translation>
    </message>
    <message>
        <source>QTcpSocket cannot use the resource &quot;%1&quot;: %2</source>
        <translation>QTcpSocket ne peut pas utiliser la ressource « %1 » : %2</translation>
    </message>
    <message>
        <source>no resource is registered under this key</source>
        <translation>aucune ressource n&apos;est enregistrée sous cette clé</translation>
    </message>
    <message>
        <source>the resource has already been taken</source>
        <translation>la ressource a déjà été prise</translation>
    </message>
    <message>
        <source>the resource expired before it was taken</source>
        <translation>la ressource a expiré avant d&apos;être prise</translation>
    </message>
    <message>
        <source>the resource was revoked by its owner</source>
        <translation>la ressource a été révoquée par son propriétaire</translation>
    </message>
    <message>
        <source>access denied</source>
        <translation>accès refusé</translation>
    </message>
    <message>
        <source>malformed request</source>
        <translation>demande mal formée</translation>
    </message>
    <message>
        <source>request too large</source>
        <translation>demande trop grande</translation>
    </message>
    <message>
        <source>the sharer is stopping</source>
        <translation>le partageur s&apos;arrête</translation>
    </message>
    <message>
        <source>the resource is being handed to another process right now</source>
        <translation>la ressource est en cours de transmission à un autre processus</translation>
    </message>
    <message>
        <source>unsupported protocol version</source>
        <translation>version de protocole non prise en charge</translation>
    </message>
    <message>
        <source>the receiver could not accept every descriptor (descriptor limit?)</source>
        <translation>le récepteur n&apos;a pas pu accepter tous les descripteurs (limite de descripteurs ?)</translation>
    </message>
    <message>
        <source>the receiver failed</source>
        <translation>le récepteur a échoué</translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation>délai de connexion dépassé</translation>
    </message>
    <message>
        <source>the sharer has too many connections</source>
        <translation>le partageur a trop de connexions</translation>
    </message>
    <message>
        <source>error %1</source>
        <translation>erreur %1</translation>
    </message>
    <message>
        <source>malformed %1 message</source>
        <translation>message %1 mal formé</translation>
    </message>
    <message>
        <source>not a QtResourceSharer frame</source>
        <translation>pas une trame QtResourceSharer</translation>
    </message>
    <message>
        <source>protocol version %1, expected %2</source>
        <translation>version de protocole %1, %2 attendue</translation>
    </message>
    <message>
        <source>unknown message type %1</source>
        <translation>type de message %1 inconnu</translation>
    </message>
    <message>
        <source>frame of %1 bytes exceeds the limit of %2</source>
        <translation>une trame de %1 octets dépasse la limite de %2</translation>
    </message>
    <message>
        <source>a request names 1 to %1 keys, not %2</source>
        <translation>une demande nomme 1 à %1 clés, pas %2</translation>
    </message>
    <message>
        <source>malformed resource id &quot;%1&quot;: %2</source>
        <translation>identifiant de ressource « %1 » mal formé : %2</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>il est vide</translation>
    </message>
    <message>
        <source>it does not start with &quot;%1&quot;</source>
        <translation>il ne commence pas par « %1 »</translation>
    </message>
    <message>
        <source>the &apos;@&apos; between key and address is missing</source>
        <translation>le &apos;@&apos; entre la clé et l&apos;adresse manque</translation>
    </message>
    <message>
        <source>the key must be %1 hexadecimal digits, not %2</source>
        <translation>la clé doit comporter %1 chiffres hexadécimaux, pas %2</translation>
    </message>
    <message>
        <source>the key contains &apos;%1&apos;, which is not a hexadecimal digit</source>
        <translation>la clé contient &apos;%1&apos;, qui n&apos;est pas un chiffre hexadécimal</translation>
    </message>
    <message>
        <source>the address contains white space or a non-ASCII character</source>
        <translation>l&apos;adresse contient une espace ou un caractère non ASCII</translation>
    </message>
    <message>
        <source>the address must be an absolute socket path</source>
        <translation>l&apos;adresse doit être un chemin de socket absolu</translation>
    </message>
    <message>
        <source>the address contains a NUL byte</source>
        <translation>l&apos;adresse contient un octet NUL</translation>
    </message>
    <message>
        <source>the address is longer than a local socket path can be</source>
        <translation>l&apos;adresse est plus longue qu&apos;un chemin de socket local ne peut l&apos;être</translation>
    </message>
    <message>
        <source>cannot create a private directory in %1: %2</source>
        <translation>impossible de créer un répertoire privé dans %1 : %2</translation>
    </message>
    <message>
        <source>descriptor %1 is not open</source>
        <translation>le descripteur %1 n&apos;est pas ouvert</translation>
    </message>
    <message>
        <source>the name is longer than %1 bytes</source>
        <translation>le nom dépasse %1 octets</translation>
    </message>
    <message>
        <source>the TTL must not be negative</source>
        <translation>la TTL ne doit pas être négative</translation>
    </message>
    <message>
        <source>the request names a key twice</source>
        <translation>la demande nomme une clé deux fois</translation>
    </message>
    <message>
        <source>%1 is not a process id</source>
        <translation>%1 n&apos;est pas un identifiant de processus</translation>
    </message>
    <message>
        <source>no process %1 is running</source>
        <translation>aucun processus %1 n&apos;est en cours d&apos;exécution</translation>
    </message>
    <message>
        <source>process %1 publishes no sharer in %2 (none running, or another user&apos;s)</source>
        <translation>le processus %1 ne publie aucun partageur dans %2 (aucun en cours, ou il appartient à un autre utilisateur)</translation>
    </message>
    <message>
        <source>the sharer of process %1 is not listening at %2 any more</source>
        <translation>le partageur du processus %1 n&apos;écoute plus à %2</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>impossible d&apos;écouter sur %1 : %2</translation>
    </message>
    <message>
        <source>the peer&apos;s credentials cannot be read</source>
        <translation>les identifiants du pair ne peuvent pas être lus</translation>
    </message>
    <message>
        <source>the receiver sent a bad acknowledgement: %1</source>
        <translation>le récepteur a envoyé un accusé de réception incorrect : %1</translation>
    </message>
    <message>
        <source>the receiver (pid %1) closed the connection before acknowledging</source>
        <translation>le récepteur (PID %1) a fermé la connexion avant d&apos;accuser réception</translation>
    </message>
    <message>
        <source>expected a request</source>
        <translation>une demande était attendue</translation>
    </message>
    <message>
        <source>the receiver sent a bad acknowledgement</source>
        <translation>le récepteur a envoyé un accusé de réception incorrect</translation>
    </message>
    <message>
        <source>the receiver (pid %1) gave the resources back: %2</source>
        <translation>le récepteur (PID %1) a rendu les ressources : %2</translation>
    </message>
    <message>
        <source>the receiver sent an unexpected message</source>
        <translation>le récepteur a envoyé un message inattendu</translation>
    </message>
    <message>
        <source>only uid %1 may inspect or revoke in this sharer, not uid %2</source>
        <translation>seul l&apos;UID %1 peut inspecter ce partageur ou y révoquer, pas l&apos;UID %2</translation>
    </message>
    <message>
        <source>the request names pid %1 but comes from pid %2</source>
        <translation>la demande nomme le PID %1 mais vient du PID %2</translation>
    </message>
    <message>
        <source>the sharer already has %1 watchers</source>
        <translation>le partageur a déjà %1 observateurs</translation>
    </message>
    <message>
        <source>cannot send to pid %1: %2</source>
        <translation>impossible d&apos;envoyer au PID %1 : %2</translation>
    </message>
    <message>
        <source>the transfer broke off</source>
        <translation>le transfert s&apos;est interrompu</translation>
    </message>
    <message>
        <source>no request within %1 ms</source>
        <translation>aucune demande en %1 ms</translation>
    </message>
    <message>
        <source>the receiver (pid %1) did not acknowledge within %2 ms</source>
        <translation>le récepteur (PID %1) n&apos;a pas accusé réception en %2 ms</translation>
    </message>
    <message>
        <source>the address is not a valid file name here</source>
        <translation>l&apos;adresse n&apos;est pas un nom de fichier valide ici</translation>
    </message>
    <message>
        <source>it is not a private directory of this user</source>
        <translation>ce n&apos;est pas un répertoire privé de cet utilisateur</translation>
    </message>
    <message>
        <source>the sharer sent resource %1 where %2 was due</source>
        <translation>le sharer a envoyé la ressource %1 au lieu de la %2</translation>
    </message>
    <message>
        <source>cannot take resource %1 of %2: %3</source>
        <translation>impossible de prendre la ressource %1 sur %2 : %3</translation>
    </message>
    <message>
        <source>a handle is 8 bytes, not %1</source>
        <translation>un handle fait 8 octets, pas %1</translation>
    </message>
    <message>
        <source>descriptor %1 is not a socket</source>
        <translation>le descripteur %1 n’est pas un socket</translation>
    </message>
    <message>
        <source>the resource &quot;%1&quot; is not a socket</source>
        <translation>la ressource « %1 » n’est pas un socket</translation>
    </message>
    <message>
        <source>the address must be a pipe name</source>
        <translation>l’adresse doit être un nom de tube</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>impossible de créer %1</translation>
    </message>
    <message>
        <source>cannot make resource %1 of %2 over to pid %3: %4</source>
        <translation>impossible de céder la ressource %1 sur %2 au PID %3 : %4</translation>
    </message>
    <message>
        <source>a process status of %1 bytes is over the limit of %2</source>
        <translation>un état de processus de %1 octets dépasse la limite de %2</translation>
    </message>
    <message>
        <source>a notification of %1 bytes is over the limit of %2</source>
        <translation>une notification de %1 octets dépasse la limite de %2</translation>
    </message>
    <message>
        <source>NOTIFY_SOCKET &quot;%1&quot; is not an absolute path or an @abstract name that fits a Unix socket address</source>
        <translation>NOTIFY_SOCKET « %1 » n&apos;est ni un chemin absolu ni un nom @abstrait qui tienne dans une adresse de socket Unix</translation>
    </message>
    <message>
        <source>cannot notify the service manager at %1: %2</source>
        <translation>impossible de notifier le gestionnaire de services à %1 : %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot name a stored descriptor: 1 to 255 printable ASCII characters other than space and &apos;:&apos; are needed</source>
        <translation>« %1 » ne peut pas nommer un descripteur conservé : il faut de 1 à 255 caractères ASCII imprimables autres que l&apos;espace et &apos;:&apos;</translation>
    </message>
    <message>
        <source>there is no service manager to keep descriptor %1 (NOTIFY_SOCKET is not set)</source>
        <translation>aucun gestionnaire de services ne peut conserver le descripteur %1 (NOTIFY_SOCKET n&apos;est pas défini)</translation>
    </message>
    <message>
        <source>killed by signal %1 (%2)</source>
        <translation>tué par le signal %1 (%2)</translation>
    </message>
    <message>
        <source>could not be started</source>
        <translation>n&apos;a pas pu être démarré</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>terminé avec le code %1</translation>
    </message>
    <message>
        <source>the plugin %1 refused to start: %2</source>
        <translation>le plugin %1 a refusé de démarrer : %2</translation>
    </message>
    <message>
        <source>loaded plugin %1 (%2)</source>
        <translation>plugin %1 chargé (%2)</translation>
    </message>
    <message>
        <source>added extension %1</source>
        <translation>extension %1 ajoutée</translation>
    </message>
    <message>
        <source>worker %1 (pid %2)</source>
        <translation>worker %1 (PID %2)</translation>
    </message>
    <message>
        <source>worker %1</source>
        <translation>worker %1</translation>
    </message>
    <message>
        <source>%1 did not stop within %2 ms; killing it</source>
        <translation>%1 ne s&apos;est pas arrêté en %2 ms ; il est tué</translation>
    </message>
    <message>
        <source>%1 is not ready after %2 ms (%3); killing it</source>
        <translation>%1 n&apos;est pas prêt après %2 ms (%3) ; il est tué</translation>
    </message>
    <message>
        <source>; its last status: %1</source>
        <translation> ; son dernier état : %1</translation>
    </message>
    <message>
        <source>the plugin %1 cancelled the start of worker %2: %3</source>
        <translation>le plugin %1 a annulé le démarrage du worker %2 : %3</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>impossible de démarrer %1 : %2</translation>
    </message>
    <message>
        <source>%1 started (generation %2)</source>
        <translation>%1 démarré (génération %2)</translation>
    </message>
    <message>
        <source>%1 is ready</source>
        <translation>%1 est prêt</translation>
    </message>
    <message>
        <source>stopping %1</source>
        <translation>arrêt de %1</translation>
    </message>
    <message>
        <source>%1 stopped: %2</source>
        <translation>%1 arrêté : %2</translation>
    </message>
    <message>
        <source>the replacement %1 ended before it was ready (%2); %3 keeps running</source>
        <translation>le remplaçant %1 s&apos;est terminé avant d&apos;être prêt (%2) ; %3 continue de tourner</translation>
    </message>
    <message>
        <source>the replacement %1 ended before it was ready (%2)</source>
        <translation>le remplaçant %1 s&apos;est terminé avant d&apos;être prêt (%2)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2; its replacement is starting</source>
        <translation>%1 %2 ; son remplaçant démarre</translation>
    </message>
    <message>
        <source>%1; restarting it in %2 ms</source>
        <translation>%1 ; redémarrage dans %2 ms</translation>
    </message>
    <message>
        <source>worker %1 could not be started</source>
        <translation>le worker %1 n&apos;a pas pu être démarré</translation>
    </message>
    <message>
        <source>a rolling restart is under way; another one will follow it</source>
        <translation>un redémarrage progressif est en cours ; un autre le suivra</translation>
    </message>
    <message>
        <source>worker %1 is down; its restart will run the new program</source>
        <translation>le worker %1 est arrêté ; son redémarrage lancera le nouveau programme</translation>
    </message>
    <message>
        <source>rolling restart done: %1 of %2 workers replaced</source>
        <translation>redémarrage progressif terminé : %1 workers sur %2 remplacés</translation>
    </message>
    <message>
        <source>stopping %1 workers</source>
        <translation>arrêt de %1 workers</translation>
    </message>
    <message>
        <source>all workers stopped; %1 crash restarts, %2 rolling restarts, %3 unexpected exits</source>
        <translation>tous les workers sont arrêtés ; %1 redémarrages après plantage, %2 redémarrages progressifs, %3 fins inattendues</translation>
    </message>
    <message>
        <source>cannot publish the workers&apos; status: %1</source>
        <translation>impossible de publier l&apos;état des workers : %1</translation>
    </message>
    <message>
        <source>%1: %2; killing it</source>
        <translation>%1 : %2 ; il est tué</translation>
    </message>
    <message>
        <source>%1 is not a Qt plugin: %2</source>
        <translation>%1 n&apos;est pas un plugin Qt : %2</translation>
    </message>
    <message>
        <source>%1 is not a supervisor extension: its interface is &quot;%2&quot;, not &quot;%3&quot;</source>
        <translation>%1 n&apos;est pas une extension de superviseur : son interface est « %2 », pas « %3 »</translation>
    </message>
    <message>
        <source>cannot load %1: %2</source>
        <translation>impossible de charger %1 : %2</translation>
    </message>
    <message>
        <source>the sharer at %1 closed the connection without answering: %2</source>
        <translation>le partageur à %1 a fermé la connexion sans répondre : %2</translation>
    </message>
    <message>
        <source>cannot share &quot;%1&quot;: on Windows a QLocalServer listens on a named pipe, which has no handle to hand over; let the child listen on &quot;%2&quot; itself</source>
        <translation>impossible de partager « %1 » : sous Windows, un QLocalServer écoute sur un tube nommé, qui n&apos;a pas de handle à transmettre ; laissez le processus enfant écouter lui-même sur « %2 »</translation>
    </message>
    <message>
        <source>the resource &quot;%1&quot; cannot be given a C runtime descriptor</source>
        <translation>la ressource « %1 » ne peut pas recevoir de descripteur de la bibliothèque d&apos;exécution C</translation>
    </message>
    <message>
        <source>cannot connect to the sharer at %1: %2; it shares nothing with this user</source>
        <translation>impossible de se connecter au partageur à %1 : %2 ; il ne partage rien avec cet utilisateur</translation>
    </message>
    <message>
        <source>pid (starting)</source>
        <translation>pid (au démarrage)</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>uid %1</source>
        <translation>uid %1</translation>
    </message>
    <message>
        <source>gid %1</source>
        <translation>gid %1</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>groupe %1</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>propriétaire</translation>
    </message>
    <message>
        <source>the command is %1 bytes; at most %2 are taken</source>
        <translation>la commande fait %1 octets ; au plus %2 sont acceptés</translation>
    </message>
    <message>
        <source>cannot bind the resources to the child (pid %1): %2</source>
        <translation>impossible de lier les ressources à l’enfant (pid %1) : %2</translation>
    </message>
    <message>
        <source>%1 is not a resource of this sharer</source>
        <translation>%1 n’est pas une ressource de ce partageur</translation>
    </message>
    <message>
        <source>this platform has no users or groups to name</source>
        <translation>cette plateforme n’a pas d’utilisateurs ni de groupes à nommer</translation>
    </message>
    <message>
        <source>a resource bound to one process may not name users or groups besides</source>
        <translation>une ressource liée à un processus ne peut pas nommer en plus des utilisateurs ou des groupes</translation>
    </message>
    <message>
        <source>a rule names at most %1 users and groups</source>
        <translation>une règle nomme au plus %1 utilisateurs et groupes</translation>
    </message>
    <message>
        <source>cannot bind the resource to pid %1: %2</source>
        <translation>impossible de lier la ressource au pid %1 : %2</translation>
    </message>
    <message>
        <source>cannot bind to pid %1: %2</source>
        <translation>impossible de se lier au pid %1 : %2</translation>
    </message>
    <message>
        <source>not every resource is in this sharer and waiting for its process</source>
        <translation>toutes les ressources ne sont pas dans ce partageur en attente de leur processus</translation>
    </message>
    <message>
        <source>sharing with other users is not supported on Windows</source>
        <translation>le partage avec d’autres utilisateurs n’est pas pris en charge sous Windows</translation>
    </message>
    <message>
        <source>only uid %1 or root may send commands to this process, not uid %2</source>
        <translation>seul l’uid %1 ou root peut envoyer des commandes à ce processus, pas l’uid %2</translation>
    </message>
    <message>
        <source>the reply is too large</source>
        <translation>la réponse est trop grande</translation>
    </message>
    <message>
        <source>the process dropped the command</source>
        <translation>le processus a abandonné la commande</translation>
    </message>
    <message>
        <source>this process takes no commands</source>
        <translation>ce processus n’accepte aucune commande</translation>
    </message>
    <message>
        <source>no rule admits pid %1 (uid %2)</source>
        <translation>aucune règle n’admet le pid %1 (uid %2)</translation>
    </message>
    <message>
        <source>cannot run the workers as %1: %2</source>
        <translation>impossible d’exécuter les workers en tant que %1 : %2</translation>
    </message>
    <message>
        <source>cannot run the workers as %1: only root may run them as another user or group</source>
        <translation>impossible d’exécuter les workers en tant que %1 : seul root peut les exécuter sous un autre utilisateur ou groupe</translation>
    </message>
    <message>
        <source>only %1 of %2 workers are ready after %3 ms</source>
        <translation>seuls %1 workers sur %2 sont prêts après %3 ms</translation>
    </message>
    <message>
        <source>%1, asked by pid %2</source>
        <translation>%1, demandé par le pid %2</translation>
    </message>
    <message>
        <source>the supervisor is stopping</source>
        <translation>le superviseur s’arrête</translation>
    </message>
    <message>
        <source>a rolling restart is under way</source>
        <translation>un redémarrage progressif est en cours</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1 refusé : %2</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; known: %2</source>
        <translation>commande inconnue « %1 » ; connues : %2</translation>
    </message>
    <message>
        <source>%1 of %2 workers were not replaced: %3</source>
        <translation>%1 workers sur %2 n’ont pas été remplacés : %3</translation>
    </message>
    <message>
        <source>restart-worker takes a slot from 0 to %1</source>
        <translation>restart-worker attend un emplacement de 0 à %1</translation>
    </message>
    <message>
        <source>worker %1 is not running; it restarts on its own</source>
        <translation>le worker %1 ne tourne pas ; il redémarre de lui-même</translation>
    </message>
    <message>
        <source>scale takes a number of workers from 1 to %1</source>
        <translation>scale attend un nombre de workers de 1 à %1</translation>
    </message>
    <message>
        <source>worker %1 %2 before it was ready; it is restarted with backoff</source>
        <translation>worker %1 : %2 avant d’être prêt ; il est redémarré avec un délai croissant</translation>
    </message>
    <message>
        <source>worker %1 was removed</source>
        <translation>le worker %1 a été retiré</translation>
    </message>
    <message>
        <source>slot %1 has no worker left</source>
        <translation>l’emplacement %1 n’a plus de worker</translation>
    </message>
    <message>
        <source>rolling restart: replacing %1 workers, %2 at a time</source>
        <translation>redémarrage progressif : remplacement de %1 workers, %2 à la fois</translation>
    </message>
    <message>
        <source>replacing worker %1</source>
        <translation>remplacement du worker %1</translation>
    </message>
    <message>
        <source>worker %1: its replacement could not be started</source>
        <translation>worker %1 : son remplaçant n’a pas pu être démarré</translation>
    </message>
    <message>
        <source>workers: %1 -&gt; %2</source>
        <translation>workers : %1 -&gt; %2</translation>
    </message>
    <message>
        <source>%1 is under way</source>
        <translation>%1 est en cours</translation>
    </message>
    <message>
        <source>the command &quot;%1&quot;</source>
        <translation>la commande « %1 »</translation>
    </message>
    <message>
        <source>a rolling restart</source>
        <translation>un redémarrage progressif</translation>
    </message>
    <message>
        <source>the restart of worker %1</source>
        <translation>le redémarrage du worker %1</translation>
    </message>
    <message>
        <source>a scaling to %1 workers</source>
        <translation>un passage à %1 workers</translation>
    </message>
    <message>
        <source>LISTEN_PID=%1 is not a process id</source>
        <translation>LISTEN_PID=%1 n’est pas un identifiant de processus</translation>
    </message>
    <message>
        <source>LISTEN_FDS=%1 is not a number of descriptors</source>
        <translation>LISTEN_FDS=%1 n&apos;est pas un nombre de descripteurs</translation>
    </message>
    <message>
        <source>LISTEN_FDNAMES names %1 sockets but LISTEN_FDS passes %2</source>
        <translation>LISTEN_FDNAMES nomme %1 sockets mais LISTEN_FDS en passe %2</translation>
    </message>
    <message>
        <source>%1 is missing or not executable</source>
        <translation>%1 est absent ou n&apos;est pas exécutable</translation>
    </message>
    <message>
        <source>cannot create the successor&apos;s notification socket in %1: %2</source>
        <translation>impossible de créer le socket de notification du successeur dans %1 : %2</translation>
    </message>
    <message>
        <source>cannot share %1 with the successor: %2</source>
        <translation>impossible de partager %1 avec le successeur : %2</translation>
    </message>
    <message>
        <source>the successor (pid %1) ended at once</source>
        <translation>le successeur (PID %1) s&apos;est terminé aussitôt</translation>
    </message>
    <message>
        <source>the successor (pid %1) was not ready within %2 ms</source>
        <translation>le successeur (PID %1) n&apos;était pas prêt en %2 ms</translation>
    </message>
    <message>
        <source>the successor (pid %1): %2</source>
        <translation>le successeur (PID %1) : %2</translation>
    </message>
    <message>
        <source>the successor (pid %1) ended before it was ready</source>
        <translation>le successeur (PID %1) s&apos;est terminé avant d&apos;être prêt</translation>
    </message>
    <message>
        <source>upgrade failed: %1; this supervisor goes on serving</source>
        <translation>échec de la mise à niveau : %1 ; ce superviseur continue de servir</translation>
    </message>
    <message>
        <source>an upgrade is under way (successor pid %1)</source>
        <translation>une mise à niveau est en cours (successeur PID %1)</translation>
    </message>
    <message>
        <source>this supervisor is stopping</source>
        <translation>ce superviseur s&apos;arrête</translation>
    </message>
    <message>
        <source>upgrade: the successor (pid %1) is ready; stopping the workers of this supervisor</source>
        <translation>mise à niveau : le successeur (PID %1) est prêt ; arrêt des workers de ce superviseur</translation>
    </message>
    <message numerus="yes">
        <source>upgrading in place: started %1 (pid %2) and handed it %n socket(s)</source>
        <translation>
            <numerusform>mise à niveau sur place : %1 (PID %2) démarré, %n socket lui a été transmis</numerusform>
            <numerusform>mise à niveau sur place : %1 (PID %2) démarré, %n sockets lui ont été transmis</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot take the sockets of the supervisor this one replaces: %1</source>
        <translation>impossible de prendre les sockets du superviseur que celui-ci remplace : %1</translation>
    </message>
    <message>
        <source>expected %1 with a port from 0 to 65535, not &quot;%2&quot;</source>
        <translation>%1 attendu avec un port de 0 à 65535, pas « %2 »</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a numeric IP address (or * or localhost)</source>
        <translation>« %1 » n&apos;est pas une adresse IP numérique (ni * ni localhost)</translation>
    </message>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation>impossible d&apos;écouter sur %1 port %2 : %3</translation>
    </message>
    <message>
        <source>cannot duplicate a socket: %1</source>
        <translation>impossible de dupliquer un socket : %1</translation>
    </message>
    <message>
        <source>%1 is in use by a running server</source>
        <translation>%1 est utilisé par un serveur en cours d&apos;exécution</translation>
    </message>
    <message>
        <source>--listen %1: the name &quot;%2&quot; may only hold printable ASCII other than space and &apos;:&apos;</source>
        <translation>--listen %1 : le nom « %2 » ne peut contenir que de l&apos;ASCII imprimable autre que l&apos;espace et &apos;:&apos;</translation>
    </message>
    <message>
        <source>--listen %1: a Unix socket path of 1 to %2 bytes is needed</source>
        <translation>--listen %1 : un chemin de socket Unix de 1 à %2 octets est requis</translation>
    </message>
    <message>
        <source>--listen %1: %2</source>
        <translation>--listen %1 : %2</translation>
    </message>
    <message>
        <source>--listen %1: expected [NAME=]tcp:HOST:PORT, [NAME=]unix:PATH or NAME=inherit</source>
        <translation>--listen %1 : [NAME=]tcp:HOST:PORT, [NAME=]unix:PATH ou NAME=inherit attendu</translation>
    </message>
    <message>
        <source>descriptor %1 (%2), passed by the service manager, is not a socket</source>
        <translation>le descripteur %1 (%2), transmis par le gestionnaire de services, n&apos;est pas une socket</translation>
    </message>
    <message>
        <source>the service manager</source>
        <translation>le gestionnaire de services</translation>
    </message>
    <message>
        <source>the supervisor it replaces</source>
        <translation>le superviseur qu&apos;il remplace</translation>
    </message>
    <message>
        <source>--listen %1: the name is used twice</source>
        <translation>--listen %1 : le nom est utilisé deux fois</translation>
    </message>
    <message>
        <source>listening on %1 as %2 (passed by %3)</source>
        <translation>écoute sur %1 sous le nom %2 (transmis par %3)</translation>
    </message>
    <message>
        <source>--listen %1=inherit: no socket was passed by a service manager (LISTEN_FDS is not set for this process)</source>
        <translation>--listen %1=inherit : aucun gestionnaire de services n&apos;a transmis de socket (LISTEN_FDS n&apos;est pas défini pour ce processus)</translation>
    </message>
    <message>
        <source>--listen %1=inherit: the service manager passed no socket named %1 (LISTEN_FDNAMES)</source>
        <translation>--listen %1=inherit : le gestionnaire de services n&apos;a transmis aucune socket nommée %1 (LISTEN_FDNAMES)</translation>
    </message>
    <message>
        <source>listening on %1 as %2</source>
        <translation>écoute sur %1 sous le nom %2</translation>
    </message>
    <message>
        <source>%1 is kept in the service manager&apos;s descriptor store</source>
        <translation>%1 est conservé dans le magasin de descripteurs du gestionnaire de services</translation>
    </message>
    <message>
        <source>%1 passed two sockets named %2</source>
        <translation>%1 a transmis deux sockets nommés %2</translation>
    </message>
    <message>
        <source>rolling restart</source>
        <translation>redémarrage progressif</translation>
    </message>
    <message>
        <source>rolling restart done: %1 of %2 workers replaced; %3 of %2 ready</source>
        <translation>redémarrage progressif terminé : %1 workers remplacés sur %2 ; %3 sur %2 prêts</translation>
    </message>
    <message>
        <source>handed over to pid %1</source>
        <translation>passé la main au PID %1</translation>
    </message>
    <message>
        <source>the supervisor this one replaces (pid %1) has exited</source>
        <translation>le superviseur que celui-ci remplace (PID %1) s&apos;est terminé</translation>
    </message>
    <message>
        <source>starting %1 workers</source>
        <translation>démarrage de %1 workers</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>arrêt en cours</translation>
    </message>
    <message>
        <source>%1 of %2 workers ready</source>
        <translation>%1 workers prêts sur %2</translation>
    </message>
    <message>
        <source>cannot tell the service manager: %1 (said once)</source>
        <translation>impossible d&apos;informer le gestionnaire de services : %1 (signalé une seule fois)</translation>
    </message>
    <message>
        <source>there is no service manager to keep the sockets (NOTIFY_SOCKET is not set)</source>
        <translation>aucun gestionnaire de services pour conserver les sockets (NOTIFY_SOCKET n&apos;est pas défini)</translation>
    </message>
    <message>
        <source>this program</source>
        <translation>ce programme</translation>
    </message>
    <message>
        <source>%1 is not loaded: a plugin named %2 is, from %3</source>
        <translation>%1 n&apos;est pas chargé : un plugin nommé %2 l&apos;est déjà, depuis %3</translation>
    </message>
    <message>
        <source>skipped %1: the plugin of that name was loaded from %2</source>
        <translation>%1 ignoré : le plugin de ce nom a été chargé depuis %2</translation>
    </message>
</context>
<context>
    <name>qrs-tools</name>
    <message>
        <source>--%1 takes a positive number of milliseconds, not &quot;%2&quot;</source>
        <translation>--%1 attend un nombre positif de millisecondes, pas « %2 »</translation>
    </message>
    <message>
        <source>cannot run %1: not found or not executable</source>
        <translation>impossible d&apos;exécuter %1 : introuvable ou non exécutable</translation>
    </message>
</context>
<context>
    <name>qrs::NotifyExtension</name>
    <message>
        <source>no host given</source>
        <translation>aucun hôte fourni</translation>
    </message>
    <message>
        <source>watchdog=%1: expected a positive number of milliseconds</source>
        <translation>watchdog=%1 : un nombre positif de millisecondes est attendu</translation>
    </message>
    <message>
        <source>cannot create a private directory in %1: %2</source>
        <translation>impossible de créer un répertoire privé dans %1 : %2</translation>
    </message>
    <message>
        <source>worker %1 (pid %2)</source>
        <translation>worker %1 (PID %2)</translation>
    </message>
    <message>
        <source>worker %1</source>
        <translation>worker %1</translation>
    </message>
    <message>
        <source>%1: %2 more notifications in one second, not logged</source>
        <translation>%1 : %2 notifications de plus en une seconde, non journalisées</translation>
    </message>
    <message>
        <source>cannot create a notification socket at %1: %2</source>
        <translation>impossible de créer une socket de notification à %1 : %2</translation>
    </message>
    <message>
        <source>cannot create a notification pipe: %1</source>
        <translation>impossible de créer un tube de notification : %1</translation>
    </message>
    <message>
        <source>waiting for a newline on its descriptor %1</source>
        <translation>attente d&apos;un saut de ligne sur son descripteur %1</translation>
    </message>
    <message>
        <source>waiting for READY=1 on its NOTIFY_SOCKET</source>
        <translation>attente de READY=1 sur son NOTIFY_SOCKET</translation>
    </message>
    <message>
        <source>%1: a notification without credentials was ignored</source>
        <translation>%1 : une notification sans identité a été ignorée</translation>
    </message>
    <message>
        <source>%1: a notification from uid %2 (pid %3) was ignored: only uid %4 may speak for it</source>
        <translation>%1 : une notification de l&apos;UID %2 (PID %3) a été ignorée : seul l&apos;UID %4 peut parler pour lui</translation>
    </message>
    <message>
        <source>%1: a notification of %2 bytes was ignored: the limit is %3</source>
        <translation>%1 : une notification de %2 octets a été ignorée : la limite est %3</translation>
    </message>
    <message>
        <source>%1: a notification with a NUL byte was ignored</source>
        <translation>%1 : une notification contenant un octet NUL a été ignorée</translation>
    </message>
    <message>
        <source>%1: %2 lines that are not KEY=VALUE were ignored</source>
        <translation>%1 : %2 lignes qui ne sont pas de la forme KEY=VALUE ont été ignorées</translation>
    </message>
    <message>
        <source>%1: status: %2</source>
        <translation>%1 : état : %2</translation>
    </message>
    <message>
        <source>%1 says it is stopping</source>
        <translation>%1 dit qu&apos;il s&apos;arrête</translation>
    </message>
    <message>
        <source>%1 says it is reloading</source>
        <translation>%1 dit qu&apos;il se recharge</translation>
    </message>
    <message>
        <source>%1 names pid %2 as its main process</source>
        <translation>%1 désigne le PID %2 comme son processus principal</translation>
    </message>
    <message>
        <source>%1: MAINPID=%2 is not a pid; ignored</source>
        <translation>%1 : MAINPID=%2 n&apos;est pas un PID ; ignoré</translation>
    </message>
    <message>
        <source>%1 reports error %2 (%3)</source>
        <translation>%1 signale l&apos;erreur %2 (%3)</translation>
    </message>
    <message>
        <source>%1: ERRNO=%2 is not an error number; ignored</source>
        <translation>%1 : ERRNO=%2 n&apos;est pas un numéro d&apos;erreur ; ignoré</translation>
    </message>
    <message>
        <source>%1 asks for %2 ms more</source>
        <translation>%1 demande %2 ms de plus</translation>
    </message>
    <message>
        <source>it triggered its watchdog (WATCHDOG=trigger)</source>
        <translation>il a déclenché son chien de garde (WATCHDOG=trigger)</translation>
    </message>
    <message>
        <source>%1: FDSTORE=1 is not supported yet; the %2 descriptors sent were closed</source>
        <translation>%1 : FDSTORE=1 n&apos;est pas encore pris en charge ; les %2 descripteurs envoyés ont été fermés</translation>
    </message>
    <message>
        <source>a newline on descriptor %1</source>
        <translation>un saut de ligne sur le descripteur %1</translation>
    </message>
    <message>
        <source>%1 closed its descriptor %2 without writing a newline: it is not ready</source>
        <translation>%1 a fermé son descripteur %2 sans écrire de saut de ligne : il n&apos;est pas prêt</translation>
    </message>
    <message>
        <source>%1 said it is ready (%2)</source>
        <translation>%1 a dit qu&apos;il est prêt (%2)</translation>
    </message>
    <message>
        <source>its watchdog ran out: no WATCHDOG=1 for %1 ms</source>
        <translation>son chien de garde a expiré : aucun WATCHDOG=1 depuis %1 ms</translation>
    </message>
    <message>
        <source>cannot open %1 to the workers&apos; user: %2</source>
        <translation>impossible d’ouvrir %1 à l’utilisateur des workers : %2</translation>
    </message>
    <message>
        <source>cannot give the notification socket %1 to uid %2: %3</source>
        <translation>impossible de donner le socket de notification %1 à l’uid %2 : %3</translation>
    </message>
</context>
<context>
    <name>qrs::Readiness</name>
    <message>
        <source>ready=%1: the descriptor must be a number from 3 to 1023</source>
        <translation>ready=%1 : le descripteur doit être un nombre de 3 à 1023</translation>
    </message>
    <message>
        <source>ready=%1: expected taken, notify or fd:N</source>
        <translation>ready=%1 : taken, notify ou fd:N attendu</translation>
    </message>
</context>
<context>
    <name>qrs::ResourceSharerExtension</name>
    <message>
        <source>no host given</source>
        <translation>aucun hôte fourni</translation>
    </message>
    <message>
        <source>waiting for it to take %1</source>
        <translation>attente de la prise de %1</translation>
    </message>
    <message>
        <source>worker %1 (pid %2) took %3</source>
        <translation>le worker %1 (PID %2) a pris %3</translation>
    </message>
    <message>
        <source>worker %1 ended without taking %2; it was withdrawn</source>
        <translation>le worker %1 s&apos;est terminé sans prendre %2 ; la ressource a été retirée</translation>
    </message>
</context>
<context>
    <name>qrs_demo_worker</name>
    <message>
        <source>Answers HTTP requests with its pid on the listening socket its supervisor passed.</source>
        <translation>Répond aux requêtes HTTP avec son PID sur le socket en écoute transmis par son superviseur.</translation>
    </message>
    <message>
        <source>The name of the inherited socket (default http).</source>
        <translation>Le nom du socket hérité (par défaut http).</translation>
    </message>
    <message>
        <source>How long it loads after taking the socket before it serves and says READY=1 (default 0).</source>
        <translation>Combien de temps il charge après avoir pris le socket avant de servir et de dire READY=1 (par défaut 0).</translation>
    </message>
    <message>
        <source>--load-ms takes a number of milliseconds, not &quot;%1&quot;</source>
        <translation>--load-ms attend un nombre de millisecondes, pas « %1 »</translation>
    </message>
</context>
<context>
    <name>qrs_detach</name>
    <message>
        <source>Receives shared resources and runs PROGRAM with them at descriptors 3, 4, ... (systemd socket activation: LISTEN_FDS, LISTEN_PID, LISTEN_FDNAMES).</source>
        <translation>Reçoit des ressources partagées et lance PROGRAMME avec elles aux descripteurs 3, 4, ... (activation par socket de systemd : LISTEN_FDS, LISTEN_PID, LISTEN_FDNAMES).</translation>
    </message>
    <message>
        <source>Give up after MS milliseconds (default %1).</source>
        <translation>Abandonner après MS millisecondes (par défaut %1).</translation>
    </message>
    <message>
        <source>A resource identifier. Without any, the resources named in QRS_RESOURCES (passed by qrs::ChildResources or qrs-supervise).</source>
        <translation>Un identifiant de ressource. Sans identifiant, les ressources nommées dans QRS_RESOURCES (transmises par qrs::ChildResources ou qrs-supervise).</translation>
    </message>
    <message>
        <source>no resource id given before &quot;--&quot;, and QRS_RESOURCES is not set</source>
        <translation>aucun identifiant de ressource avant « -- », et QRS_RESOURCES n&apos;est pas défini</translation>
    </message>
    <message>
        <source>cannot move a received descriptor: %1</source>
        <translation>impossible de déplacer un descripteur reçu : %1</translation>
    </message>
    <message>
        <source>cannot place descriptor %1: %2</source>
        <translation>impossible de placer le descripteur %1 : %2</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation>impossible d&apos;exécuter %1 : %2</translation>
    </message>
    <message>
        <source>warning: &quot;%1&quot; was made non-blocking by another process that holds it (a Qt program?); it stays so, since clearing the flag would hang that process. A blocking accept() or read() in PROGRAM fails with EAGAIN: do not share one socket between Qt programs and programs that expect it blocking, or pass --nonblocking if PROGRAM copes</source>
        <translation>avertissement : « %1 » a été rendu non bloquant par un autre processus qui le détient (un programme Qt ?) ; il le reste, car effacer l&apos;indicateur bloquerait ce processus. Un accept() ou read() bloquant dans PROGRAM échoue avec EAGAIN : ne partagez pas un socket entre des programmes Qt et des programmes qui l&apos;attendent bloquant, ou passez --nonblocking si PROGRAM s&apos;en accommode</translation>
    </message>
    <message>
        <source>Set O_NONBLOCK on every descriptor passed (systemd&apos;s NonBlocking=yes). Without it they are passed blocking, as systemd does.</source>
        <translation>Met O_NONBLOCK sur chaque descripteur transmis (NonBlocking=yes de systemd). Sans cette option, ils sont transmis bloquants, comme le fait systemd.</translation>
    </message>
    <message>
        <source>no PROGRAM: usage: qrs-detach [--timeout MS] [--nonblocking] [ID...] -- PROGRAM [ARGS...]</source>
        <translation>pas de PROGRAM : usage : qrs-detach [--timeout MS] [--nonblocking] [ID...] -- PROGRAM [ARGS...]</translation>
    </message>
</context>
<context>
    <name>qrs_inspect</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>CLÉ</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>TYPE</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ÉTAT</translation>
    </message>
    <message>
        <source>AGE</source>
        <translation>ÂGE</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>TAKEN BY</source>
        <translation>PRISE PAR</translation>
    </message>
    <message>
        <source>DESCRIPTION</source>
        <translation>DESCRIPTION</translation>
    </message>
    <message numerus="yes">
        <source>sharer of process %1 at %2: %n resource(s) cached</source>
        <translation>
            <numerusform>partageur du processus %1 à %2 : %n ressource en cache</numerusform>
            <numerusform>partageur du processus %1 à %2 : %n ressources en cache</numerusform>
        </translation>
    </message>
    <message>
        <source>registered %1, taken %2, expired %3, revoked %4, failed %5</source>
        <translation>enregistrées %1, prises %2, expirées %3, révoquées %4, échouées %5</translation>
    </message>
    <message>
        <source>the sharer at %1 did not answer within %2 ms</source>
        <translation>le partageur à %1 n&apos;a pas répondu en %2 ms</translation>
    </message>
    <message>
        <source>Shows the live cache of a running resource sharer in a window.</source>
        <translation>Affiche dans une fenêtre le cache en direct d&apos;un partageur de ressources en cours d&apos;exécution.</translation>
    </message>
    <message>
        <source>Open the panel in a window.</source>
        <translation>Ouvrir le panneau dans une fenêtre.</translation>
    </message>
    <message>
        <source>The sharer&apos;s socket address, or the pid of its process.</source>
        <translation>L&apos;adresse de socket du partageur, ou le PID de son processus.</translation>
    </message>
    <message>
        <source>usage: qrs-inspect --gui ADDRESS|PID</source>
        <translation>usage : qrs-inspect --gui ADRESSE|PID</translation>
    </message>
    <message>
        <source>cannot load the QtResourceSharer QML module</source>
        <translation>impossible de charger le module QML QtResourceSharer</translation>
    </message>
    <message>
        <source>Shows the cache of a running resource sharer of this user.</source>
        <translation>Affiche le cache d&apos;un partageur de ressources de cet utilisateur en cours d&apos;exécution.</translation>
    </message>
    <message>
        <source>One JSON object per line: the sharer, then each resource (with --watch: each change).</source>
        <translation>Un objet JSON par ligne : le partageur, puis chaque ressource (avec --watch : chaque changement).</translation>
    </message>
    <message>
        <source>Keep following the sharer and print every change.</source>
        <translation>Continuer à suivre le partageur et afficher chaque changement.</translation>
    </message>
    <message>
        <source>How long to wait for the sharer (default 5000).</source>
        <translation>Durée d&apos;attente du partageur (par défaut 5000).</translation>
    </message>
    <message>
        <source>usage: qrs-inspect [--json] [--watch] ADDRESS|PID</source>
        <translation>usage : qrs-inspect [--json] [--watch] ADRESSE|PID</translation>
    </message>
    <message>
        <source>%1; retrying</source>
        <translation>%1 ; nouvelle tentative</translation>
    </message>
    <message>
        <source>following the sharer of process %1 again</source>
        <translation>suivi du partageur du processus %1 rétabli</translation>
    </message>
    <message>
        <source>Resource sharer: %1</source>
        <translation>Partageur de ressources : %1</translation>
    </message>
    <message>
        <source>process %1 has ended</source>
        <translation>le processus %1 s&apos;est terminé</translation>
    </message>
    <message>
        <source>process status: %1</source>
        <translation>état du processus : %1</translation>
    </message>
    <message>
        <source>WHO MAY TAKE</source>
        <translation>QUI PEUT PRENDRE</translation>
    </message>
</context>
<context>
    <name>qrs_share</name>
    <message>
        <source>bad SPEC &quot;%1&quot;: expected file:PATH, tcp-listen:HOST:PORT, unix-listen:PATH or fd:N</source>
        <translation>SPEC « %1 » incorrecte : file:CHEMIN, tcp-listen:HÔTE:PORT, unix-listen:CHEMIN ou fd:N attendu</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>impossible d&apos;ouvrir %1 : %2</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>impossible d&apos;écouter sur %1 : %2</translation>
    </message>
    <message>
        <source>descriptor %1 is not open</source>
        <translation>le descripteur %1 n&apos;est pas ouvert</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a descriptor number</source>
        <translation>« %1 » n&apos;est pas un numéro de descripteur</translation>
    </message>
    <message>
        <source>unknown SPEC kind &quot;%1&quot; in &quot;%2&quot;: expected file, tcp-listen, unix-listen or fd</source>
        <translation>type de SPEC « %1 » inconnu dans « %2 » : file, tcp-listen, unix-listen ou fd attendu</translation>
    </message>
    <message>
        <source>bad SPEC &quot;%1&quot;: </source>
        <translation>SPEC « %1 » incorrecte : </translation>
    </message>
    <message>
        <source>Shares resources with other processes and prints one identifier per line.
SPEC: file:PATH, tcp-listen:HOST:PORT (port 0: any), unix-listen:PATH, fd:N,
each optionally prefixed with NAME= (the name shows in LISTEN_FDNAMES).
Exits 0 once every resource is taken, 3 if the TTL passes first, 2 on bad input.</source>
        <translation>Partage des ressources avec d&apos;autres processus et affiche un identifiant par ligne.
SPEC : file:CHEMIN, tcp-listen:HÔTE:PORT (port 0 : quelconque), unix-listen:CHEMIN, fd:N,
chacune éventuellement précédée de NOM= (le nom apparaît dans LISTEN_FDNAMES).
Se termine avec 0 quand toutes les ressources sont prises, 3 si la TTL expire avant, 2 en cas d&apos;entrée incorrecte.</translation>
    </message>
    <message>
        <source>Withdraw resources not taken within MS milliseconds.</source>
        <translation>Retirer les ressources non prises en MS millisecondes.</translation>
    </message>
    <message>
        <source>Print one JSON object per resource.</source>
        <translation>Afficher un objet JSON par ressource.</translation>
    </message>
    <message>
        <source>A resource to share.</source>
        <translation>Une ressource à partager.</translation>
    </message>
    <message>
        <source>nothing to share: give at least one SPEC (see --help)</source>
        <translation>rien à partager : indiquer au moins une SPEC (voir --help)</translation>
    </message>
    <message>
        <source>not taken before the TTL passed: %1 (%2)</source>
        <translation>non prise avant l&apos;expiration de la TTL : %1 (%2)</translation>
    </message>
    <message>
        <source>unix-listen is not available on Windows</source>
        <translation>unix-listen n&apos;est pas disponible sous Windows</translation>
    </message>
    <message>
        <source>--%1 %2: %3</source>
        <translation>--%1 %2 : %3</translation>
    </message>
    <message>
        <source>Let USER (a name or a uid) take the resources too; repeatable. Without it, only this user may take them.</source>
        <translation>Permet à USER (un nom ou un uid) de prendre aussi les ressources ; répétable. Sans cette option, seul cet utilisateur peut les prendre.</translation>
    </message>
    <message>
        <source>Let the members of GROUP (a name or a gid) take the resources too; repeatable.</source>
        <translation>Permet aux membres de GROUP (un nom ou un gid) de prendre aussi les ressources ; répétable.</translation>
    </message>
</context>
<context>
    <name>qrs_supervise</name>
    <message>
        <source>How many workers to run (default 1).</source>
        <translation>Nombre de workers à lancer (par défaut 1).</translation>
    </message>
    <message>
        <source>A supervisor plugin to load (a path, or a name in the plugin path). Repeatable. Default: every plugin in a qrs-supervisor plugin directory.</source>
        <translation>Un plugin de superviseur à charger (un chemin, ou un nom dans le chemin des plugins). Répétable. Par défaut : tous les plugins d&apos;un répertoire de plugins qrs-supervisor.</translation>
    </message>
    <message>
        <source>How long a stopped worker may take to exit before SIGKILL (default 5000).</source>
        <translation>Temps laissé à un worker arrêté pour se terminer avant SIGKILL (par défaut 5000).</translation>
    </message>
    <message>
        <source>How long a new worker may take to become ready before it is killed (default 10000).</source>
        <translation>Temps laissé à un nouveau worker pour être prêt avant d&apos;être tué (par défaut 10000).</translation>
    </message>
    <message>
        <source>Then PROGRAM and its arguments.</source>
        <translation>Puis PROGRAMME et ses arguments.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot; before &quot;--&quot;</source>
        <translation>argument inattendu « %1 » avant « -- »</translation>
    </message>
    <message>
        <source>--workers takes a number from 1 to %1, not &quot;%2&quot;</source>
        <translation>--workers attend un nombre de 1 à %1, pas « %2 »</translation>
    </message>
    <message>
        <source>no PROGRAM: usage: qrs-supervise [OPTIONS] -- PROGRAM [ARGS...]</source>
        <translation>pas de PROGRAMME : usage : qrs-supervise [OPTIONS] -- PROGRAMME [ARGUMENTS...]</translation>
    </message>
    <message>
        <source>--listen %1: the name &quot;%2&quot; is used twice</source>
        <translation>--listen %1 : le nom « %2 » est utilisé deux fois</translation>
    </message>
    <message>
        <source>no supervisor plugin found to hand the sockets over (looked in %1); pass --plugin PATH</source>
        <translation>aucun plugin de superviseur trouvé pour transmettre les sockets (recherché dans %1) ; indiquer --plugin CHEMIN</translation>
    </message>
    <message>
        <source>supervising %1 workers of %2 (pid %3)</source>
        <translation>supervision de %1 workers de %2 (PID %3)</translation>
    </message>
    <message>
        <source>Also open the live view of this supervisor&apos;s resource sharer in a window (qrs-inspect --gui).</source>
        <translation>Ouvrir aussi dans une fenêtre la vue en direct du partageur de ressources de ce superviseur (qrs-inspect --gui).</translation>
    </message>
    <message>
        <source>cannot open the panel: %1</source>
        <translation>impossible d&apos;ouvrir le panneau : %1</translation>
    </message>
    <message>
        <source>When a new worker counts as ready (a rolling restart stops the worker it replaces only then): taken (it has taken its sockets; the default), notify (taken, and it sent READY=1 to its NOTIFY_SOCKET, as systemd&apos;s Type=notify), or fd:N (taken, and it wrote a newline to descriptor N, as s6&apos;s notification-fd). Use notify for servers that load for a while after taking their sockets and speak sd_notify (gunicorn, ServiceNotifier).</source>
        <translation>Quand un nouveau worker compte comme prêt (un redémarrage progressif n&apos;arrête qu&apos;alors le worker qu&apos;il remplace) : taken (il a pris ses sockets ; par défaut), notify (pris, et il a envoyé READY=1 sur son NOTIFY_SOCKET, comme Type=notify de systemd) ou fd:N (pris, et il a écrit un saut de ligne sur le descripteur N, comme notification-fd de s6). Utilisez notify pour les serveurs qui chargent un moment après avoir pris leurs sockets et parlent sd_notify (gunicorn, ServiceNotifier).</translation>
    </message>
    <message>
        <source>Give each worker WATCHDOG_USEC and kill and restart a worker that sends no WATCHDOG=1 for MS milliseconds (systemd&apos;s WatchdogSec=).</source>
        <translation>Donne WATCHDOG_USEC à chaque worker, et tue puis redémarre un worker qui n&apos;envoie aucun WATCHDOG=1 pendant MS millisecondes (WatchdogSec= de systemd).</translation>
    </message>
    <message>
        <source>%1 needs a plugin that provides it (the notify plugin), and none of those loaded does</source>
        <translation>%1 a besoin d&apos;un plugin qui le fournisse (le plugin notify), et aucun de ceux chargés ne le fait</translation>
    </message>
    <message>
        <source>Keep each socket it binds in its service manager&apos;s descriptor store (FDSTORE=1), so that a restart or a crash of qrs-supervise refuses no connection: the next start takes them back by name. On by default when $FDSTORE is set (systemd 254 and later, with FileDescriptorStoreMax=).</source>
        <translation>Conserver chaque socket qu&apos;il lie dans le magasin de descripteurs de son gestionnaire de services (FDSTORE=1), afin qu&apos;un redémarrage ou un plantage de qrs-supervise ne refuse aucune connexion : le démarrage suivant les reprend par leur nom. Activé par défaut quand $FDSTORE est défini (systemd 254 et ultérieur, avec FileDescriptorStoreMax=).</translation>
    </message>
    <message>
        <source>an upgrade is under way; the rolling restart is refused</source>
        <translation>une mise à niveau est en cours ; le redémarrage progressif est refusé</translation>
    </message>
    <message>
        <source>upgraded: pid %1 took over from pid %2</source>
        <translation>mis à niveau : le PID %1 a pris le relais du PID %2</translation>
    </message>
    <message>
        <source>A socket to bind and hand to every worker: [NAME=]tcp:HOST:PORT, [NAME=]unix:PATH, or NAME=inherit (the one its service manager passed under that name in LISTEN_FDS; a passed socket of the same name is always taken instead of binding). NAME defaults to listenI. Repeatable.</source>
        <translation>Un socket à lier et à transmettre à chaque worker : [NOM=]tcp:HÔTE:PORT, [NOM=]unix:CHEMIN, ou NOM=inherit (celui que son gestionnaire de services a transmis sous ce nom dans LISTEN_FDS ; un socket transmis du même nom est toujours pris au lieu d&apos;en lier un nouveau). NOM vaut listenI par défaut. Répétable.</translation>
    </message>
    <message>
        <source>the upgrade</source>
        <translation>la mise à niveau</translation>
    </message>
    <message>
        <source>the rolling restart</source>
        <translation>le redémarrage progressif</translation>
    </message>
    <message>
        <source>the restart of worker %1</source>
        <translation>le redémarrage du worker %1</translation>
    </message>
    <message>
        <source>the scaling to %1 workers</source>
        <translation>le passage à %1 workers</translation>
    </message>
    <message>
        <source>the stop</source>
        <translation>l’arrêt</translation>
    </message>
    <message>
        <source>the command &quot;%1&quot;</source>
        <translation>la commande « %1 »</translation>
    </message>
    <message>
        <source>restarted: %1 of %2 workers replaced</source>
        <translation>redémarré : %1 workers sur %2 remplacés</translation>
    </message>
    <message>
        <source>restarted worker %1</source>
        <translation>worker %1 redémarré</translation>
    </message>
    <message>
        <source>scaled: %1 workers ready</source>
        <translation>mis à l’échelle : %1 workers prêts</translation>
    </message>
    <message>
        <source>stopped: pid %1 stopped its workers and exits</source>
        <translation>arrêté : le pid %1 a arrêté ses workers et se termine</translation>
    </message>
    <message>
        <source>cannot reach the supervisor with pid %1: %2</source>
        <translation>impossible de joindre le superviseur de pid %1 : %2</translation>
    </message>
    <message>
        <source>%1 of pid %2 was refused: %3</source>
        <translation>%1 du pid %2 a été refusé : %3</translation>
    </message>
    <message>
        <source>%1 of pid %2 failed: %3</source>
        <translation>%1 du pid %2 a échoué : %3</translation>
    </message>
    <message>
        <source>--surge takes a number of workers from 1 to %1 or a percentage from 1% to 100%, not &quot;%2&quot;</source>
        <translation>--surge attend un nombre de workers de 1 à %1 ou un pourcentage de 1 % à 100 %, pas « %2 »</translation>
    </message>
    <message>
        <source>Runs N workers of PROGRAM and hands each of them the listening sockets, restarts crashed workers, replaces them --surge at a time on SIGHUP without refusing a connection, adds one on SIGTTIN and removes one on SIGTTOU, stops them on SIGTERM, and upgrades itself in place on SIGUSR2. --status, --restart, --scale, --upgrade and --stop speak to a running one and wait for the outcome.</source>
        <translation>Fait tourner N workers de PROGRAM et remet à chacun les sockets d’écoute, redémarre les workers tombés, les remplace --surge à la fois sur SIGHUP sans refuser de connexion, en ajoute un sur SIGTTIN et en retire un sur SIGTTOU, les arrête sur SIGTERM et se met à niveau sur place sur SIGUSR2. --status, --restart, --scale, --upgrade et --stop s’adressent à un superviseur en cours et attendent le résultat.</translation>
    </message>
    <message>
        <source>How many replacements a rolling restart starts at once: a number, or a percentage of the workers (rounded up). Each old worker stops only once its own replacement is ready. Default 1.</source>
        <translation>Combien de remplaçants un redémarrage progressif démarre à la fois : un nombre, ou un pourcentage des workers (arrondi au-dessus). Chaque ancien worker ne s’arrête qu’une fois son propre remplaçant prêt. Par défaut 1.</translation>
    </message>
    <message>
        <source>Do not supervise: ask the qrs-supervise with process id PID to upgrade itself in place, wait for the outcome and say it; exit 0 if its successor took over, 1 if not.</source>
        <translation>Ne pas superviser : demander au qrs-supervise d’identifiant PID de se mettre à niveau sur place, attendre le résultat et le dire ; sortie 0 si son successeur a pris le relais, 1 sinon.</translation>
    </message>
    <message>
        <source>Do not supervise: print the workers of the qrs-supervise with process id PID (a table, or its JSON with --json).</source>
        <translation>Ne pas superviser : afficher les workers du qrs-supervise d’identifiant PID (un tableau, ou son JSON avec --json).</translation>
    </message>
    <message>
        <source>Do not supervise: ask the qrs-supervise PID for a rolling restart (or, with --slot, to replace one worker), wait for its end; exit 0 if every worker was replaced, 1 with the reason if not.</source>
        <translation>Ne pas superviser : demander au qrs-supervise PID un redémarrage progressif (ou, avec --slot, le remplacement d’un worker), attendre sa fin ; sortie 0 si chaque worker a été remplacé, 1 avec la raison sinon.</translation>
    </message>
    <message>
        <source>With --restart: replace only the worker of slot N.</source>
        <translation>Avec --restart : ne remplacer que le worker de l’emplacement N.</translation>
    </message>
    <message>
        <source>Do not supervise: ask the qrs-supervise PID to run N workers (the number follows PID), wait until N are ready (or the removed ones stopped); exit 0, or 1 with the reason.</source>
        <translation>Ne pas superviser : demander au qrs-supervise PID de faire tourner N workers (le nombre suit PID), attendre que N soient prêts (ou que ceux retirés soient arrêtés) ; sortie 0, ou 1 avec la raison.</translation>
    </message>
    <message>
        <source>Do not supervise: ask the qrs-supervise PID to stop its workers and exit, and wait until they have stopped.</source>
        <translation>Ne pas superviser : demander au qrs-supervise PID d’arrêter ses workers et de se terminer, et attendre leur arrêt.</translation>
    </message>
    <message>
        <source>With --status, --restart, --scale, --upgrade or --stop: print the supervisor&apos;s reply as JSON.</source>
        <translation>Avec --status, --restart, --scale, --upgrade ou --stop : afficher la réponse du superviseur en JSON.</translation>
    </message>
    <message>
        <source>Run every worker as USER (a name or a uid), with its primary group or GROUP, and its supplementary groups from the group database. The supervisor keeps its own privileges (it binds the sockets as root). Each worker can take only the sockets handed to it.</source>
        <translation>Exécuter chaque worker en tant que USER (un nom ou un uid), avec son groupe principal ou GROUP, et ses groupes supplémentaires de la base des groupes. Le superviseur garde ses propres privilèges (il lie les sockets en tant que root). Chaque worker ne peut prendre que les sockets qui lui sont remis.</translation>
    </message>
    <message>
        <source>--%1 and --%2 cannot be given together</source>
        <translation>--%1 et --%2 ne peuvent pas être donnés ensemble</translation>
    </message>
    <message>
        <source>--%1 takes a process id, not &quot;%2&quot;</source>
        <translation>--%1 attend un identifiant de processus, pas « %2 »</translation>
    </message>
    <message>
        <source>--scale PID N: N is a number of workers from 1 to %1</source>
        <translation>--scale PID N : N est un nombre de workers de 1 à %1</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>argument inattendu « %1 »</translation>
    </message>
    <message>
        <source>--slot takes a worker slot (0 or more) and goes with --restart</source>
        <translation>--slot attend un emplacement de worker (0 ou plus) et va avec --restart</translation>
    </message>
    <message>
        <source>%1 ignored: %2 workers is as far as it goes</source>
        <translation>%1 ignoré : %2 workers est la limite</translation>
    </message>
    <message>
        <source>--ready takes taken, notify or fd:N, not &quot;%1&quot; (%2)</source>
        <translation>--ready attend taken, notify ou fd:N, pas « %1 » (%2)</translation>
    </message>
</context>
<context>
    <name>qrs_tools_status</name>
    <message>
        <source>supervisor %1: %2 of %3 workers ready, surge %4%5</source>
        <translation>superviseur %1 : %2 workers sur %3 prêts, surge %4%5</translation>
    </message>
    <message>
        <source>; stopping</source>
        <translation> ; s’arrête</translation>
    </message>
    <message>
        <source>; upgrading in place (successor pid %1)</source>
        <translation> ; mise à niveau sur place (successeur pid %1)</translation>
    </message>
    <message>
        <source>; %1 under way</source>
        <translation> ; %1 en cours</translation>
    </message>
    <message>
        <source>; a rolling restart is under way</source>
        <translation> ; un redémarrage progressif est en cours</translation>
    </message>
    <message>
        <source>SLOT</source>
        <translation>EMPL.</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <source>GENERATION</source>
        <translation>GÉNÉRATION</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>RÔLE</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>PRÊT</translation>
    </message>
    <message>
        <source>UP</source>
        <translation>DURÉE</translation>
    </message>
    <message>
        <source>RESTARTS</source>
        <translation>REDÉMARRAGES</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>ÉTAT</translation>
    </message>
    <message>
        <source>yes, %1</source>
        <translation>oui, %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
</context>
</TS>
