package eu.clustercalls.security;

/** The attacks through the engine REST API, signed in with HTTP Basic as tools and scripts do. */
class EngineRestDoorTest extends EngineDoorAttacks {

    @Override
    Door openDoor() {
        return new EngineRestDoor(port, engine.getName());
    }
}
